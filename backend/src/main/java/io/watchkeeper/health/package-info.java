/**
 * Health: machine tokens for video management systems and NVR pollers, the ingestion of their
 * observations, and outages (opened when a camera is reported down or falls silent, closed when it is seen
 * up again), which are the truth for "was this camera recording at time T". Also the dispatcher's outage board.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Health")
package io.watchkeeper.health;
