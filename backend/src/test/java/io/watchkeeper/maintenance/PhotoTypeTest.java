package io.watchkeeper.maintenance;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

class PhotoTypeTest {

	/** A real 8 × 6 JPEG (the API decodes every photo). */
	static byte[] jpeg() {
		return image("jpeg", java.awt.image.BufferedImage.TYPE_INT_RGB);
	}

	/** A real 8 × 6 PNG. */
	static byte[] png() {
		return image("png", java.awt.image.BufferedImage.TYPE_INT_ARGB);
	}

	static byte[] image(String format, int type) {
		java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(8, 6, type);
		for (int x = 0; x < 8; x++) {
			for (int y = 0; y < 6; y++) {
				image.setRGB(x, y, 0xFF000000 | (x * 30) << 16 | (y * 40) << 8 | 0x80);
			}
		}
		java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
		try {
			javax.imageio.ImageIO.write(image, format, out);
		}
		catch (java.io.IOException e) {
			throw new IllegalStateException(e);
		}
		return out.toByteArray();
	}

	static byte[] webp() {
		byte[] b = Arrays.copyOf("RIFF\0\0\0\0WEBPVP8 ".getBytes(StandardCharsets.ISO_8859_1), 64);
		return b;
	}

	@Test
	void recognisesTheThreeTypesByTheirSignature() {
		assertThat(PhotoType.detect(jpeg())).contains(PhotoType.JPEG);
		assertThat(PhotoType.detect(png())).contains(PhotoType.PNG);
		assertThat(PhotoType.detect(webp())).contains(PhotoType.WEBP);
	}

	@Test
	void refusesWhatOnlyLooksLikeAnImage() {
		assertThat(PhotoType.detect("GIF89a.........".getBytes())).isEmpty();
		assertThat(PhotoType.detect("<svg xmlns='http://www.w3.org/2000/svg'/>".getBytes())).isEmpty();
		assertThat(PhotoType.detect(new byte[] { (byte) 0xFF, (byte) 0xD8 })).as("a bare SOI is no photo").isEmpty();
		assertThat(PhotoType.detect(Arrays.copyOf(png(), 8))).as("a PNG signature without its header chunk").isEmpty();
		assertThat(PhotoType.detect(Arrays.copyOf("RIFF\0\0\0\0WAVEfmt ".getBytes(StandardCharsets.ISO_8859_1), 32)))
			.as("a RIFF that is not WebP").isEmpty();
		assertThat(PhotoType.detect(new byte[0])).isEmpty();
	}
}
