package io.watchkeeper.placement;

/** An answer of the queue: the pole to place now (null when none is left under the filter) and the progress. */
public record QueueStep(QueuedPole pole, Progress progress) {
}
