package io.watchkeeper.maintenance;

/** A photo over {@code watchkeeper.maintenance.photo-max-size}; answered with 413. */
public class PhotoTooLargeException extends RuntimeException {

	private final long maxBytes;

	PhotoTooLargeException(long size, long maxBytes) {
		super("The photo is " + mb(size) + " MB; the largest photo allowed is " + mb(maxBytes) + " MB");
		this.maxBytes = maxBytes;
	}

	public long maxBytes() {
		return maxBytes;
	}

	private static String mb(long bytes) {
		return String.format(java.util.Locale.ROOT, "%.1f", bytes / (1024.0 * 1024.0));
	}
}
