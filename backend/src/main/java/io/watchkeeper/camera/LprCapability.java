package io.watchkeeper.camera;

/** Whether a camera reads licence plates, and whether it reports them as they pass (real-time LPR). */
public enum LprCapability {
	NONE, LPR, REALTIME_LPR;

	public boolean readsPlates() {
		return this != NONE;
	}
}
