package io.watchkeeper.camera;

/** The LPR filter of the camera list: one capability, or {@link #ANY} camera that reads plates. */
public enum LprFilter {
	NONE, LPR, REALTIME_LPR, ANY
}
