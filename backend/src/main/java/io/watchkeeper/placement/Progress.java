package io.watchkeeper.placement;

/**
 * How far the queue has come, under the filter asked for.
 *
 * @param placedToday poles placed through the queue today (everyone's, the department's day)
 * @param placedTodayByYou of those, the ones this user placed
 * @param remaining poles still without position that the filter keeps
 * @param remainingCameras their cameras
 * @param skipped of the remaining poles, the ones this user skipped
 */
public record Progress(long placedToday, long placedTodayByYou, long remaining, long remainingCameras, long skipped) {
}
