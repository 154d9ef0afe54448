package io.watchkeeper.maintenance;

import java.util.Optional;

/**
 * The image types a work order photo may have, recognised by their first bytes (the file's own signature), not
 * by the name or the Content-Type a client claims.
 */
enum PhotoType {

	JPEG("image/jpeg"), PNG("image/png"), WEBP("image/webp");

	private final String contentType;

	PhotoType(String contentType) {
		this.contentType = contentType;
	}

	String contentType() {
		return contentType;
	}

	static Optional<PhotoType> detect(byte[] b) {
		if (b == null) {
			return Optional.empty();
		}
		// JPEG: SOI marker FF D8 followed by another marker FF xx; and an EOI somewhere is not required (truncated
		// uploads are still images), but a bare 3-byte header is not a photo.
		if (b.length >= 4 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xD8 && (b[2] & 0xFF) == 0xFF) {
			return Optional.of(JPEG);
		}
		byte[] png = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n' };
		if (b.length >= 16 && startsWith(b, png, 0) && startsWith(b, "IHDR".getBytes(), 12)) {
			return Optional.of(PNG);
		}
		if (b.length >= 16 && startsWith(b, "RIFF".getBytes(), 0) && startsWith(b, "WEBP".getBytes(), 8)
				&& startsWith(b, "VP8".getBytes(), 12)) {
			return Optional.of(WEBP);
		}
		return Optional.empty();
	}

	private static boolean startsWith(byte[] data, byte[] prefix, int at) {
		if (data.length < at + prefix.length) {
			return false;
		}
		for (int i = 0; i < prefix.length; i++) {
			if (data[at + i] != prefix[i]) {
				return false;
			}
		}
		return true;
	}
}
