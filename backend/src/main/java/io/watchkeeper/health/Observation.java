package io.watchkeeper.health;

import java.time.Instant;

/**
 * One observation of a camera by a video management system or NVR poller: up (recording) or down at an instant.
 *
 * @param index the observation's position in its batch (0-based), for per-item answers
 * @param assetTag the camera's asset tag, trimmed and upper-cased
 */
public record Observation(int index, String assetTag, boolean up, Instant observedAt) {
}
