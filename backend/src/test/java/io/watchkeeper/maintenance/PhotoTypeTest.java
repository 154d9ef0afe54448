package io.watchkeeper.maintenance;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

class PhotoTypeTest {

	static byte[] jpeg() {
		byte[] b = new byte[64];
		b[0] = (byte) 0xFF; b[1] = (byte) 0xD8; b[2] = (byte) 0xFF; b[3] = (byte) 0xE0;
		return b;
	}

	static byte[] png() {
		byte[] b = Arrays.copyOf(new byte[] { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R' }, 64);
		return b;
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
