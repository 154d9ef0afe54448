package io.watchkeeper.maintenance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;

import io.watchkeeper.shared.InvalidInputException;

class PhotoImageTest {

	private static final long MAX_PIXELS = 40_000_000;

	static byte[] concat(byte[] a, byte[] b) {
		byte[] c = Arrays.copyOf(a, a.length + b.length);
		System.arraycopy(b, 0, c, a.length, b.length);
		return c;
	}

	private static String latin1(byte[] b) {
		return new String(b, StandardCharsets.ISO_8859_1);
	}

	@Test
	void aRealJpegAndPngAreKeptAsImagesOfTheSameSize() throws IOException {
		for (byte[] original : new byte[][] { PhotoTypeTest.jpeg(), PhotoTypeTest.png() }) {
			PhotoImage photo = PhotoImage.decode("pole.jpg", original, MAX_PIXELS);
			var decoded = ImageIO.read(new ByteArrayInputStream(photo.content()));
			assertThat(decoded.getWidth()).isEqualTo(8);
			assertThat(decoded.getHeight()).isEqualTo(6);
			assertThat(PhotoType.detect(photo.content())).contains(photo.type());
		}
	}

	@Test
	void aJpegHeaderFollowedByHtmlIsRefusedNamingTheFile() {
		byte[] polyglot = concat(Arrays.copyOf(PhotoTypeTest.jpeg(), 20),
				"<html><body><script>alert(document.cookie)</script></body></html>".getBytes(StandardCharsets.US_ASCII));
		assertThatThrownBy(() -> PhotoImage.decode("evil.jpg", polyglot, MAX_PIXELS))
			.isInstanceOfSatisfying(InvalidInputException.class, e -> {
				assertThat(e.fieldErrors().get(0).field()).isEqualTo("file");
				assertThat(e.getMessage()).contains("\"evil.jpg\"", "cannot be decoded");
			});
	}

	@Test
	void htmlAppendedToAPngIsGoneAfterReEncoding() {
		byte[] polyglot = concat(PhotoTypeTest.png(), "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.US_ASCII));
		PhotoImage photo = PhotoImage.decode("pole.png", polyglot, MAX_PIXELS);
		assertThat(photo.type()).isEqualTo(PhotoType.PNG);
		assertThat(latin1(photo.content())).doesNotContain("<script", "<html");
	}

	@Test
	void exifWithAGpsPositionIsStripped() {
		byte[] jpeg = PhotoTypeTest.jpeg();
		// an APP1 Exif segment right after SOI: TIFF header, one IFD entry pointing at a GPS IFD, and the position
		byte[] tiff = concat("MM\0*\0\0\0\b\0\1\u0088\u0025\0\4\0\0\0\1\0\0\0\u001a\0\0\0\0".getBytes(StandardCharsets.ISO_8859_1),
				"GPS 22.6209N 120.3014E".getBytes(StandardCharsets.US_ASCII));
		byte[] payload = concat("Exif\0\0".getBytes(StandardCharsets.ISO_8859_1), tiff);
		byte[] app1 = ByteBuffer.allocate(4 + payload.length).put((byte) 0xFF).put((byte) 0xE1)
			.putShort((short) (payload.length + 2)).put(payload).array();
		byte[] withExif = concat(concat(Arrays.copyOf(jpeg, 2), app1), Arrays.copyOfRange(jpeg, 2, jpeg.length));
		assertThat(latin1(withExif)).contains("Exif", "22.6209N");

		PhotoImage photo = PhotoImage.decode("pole.jpg", withExif, MAX_PIXELS);
		assertThat(latin1(photo.content())).doesNotContain("Exif", "22.6209N", "GPS");
	}

	@Test
	void aDecompressionBombIsRefusedFromItsHeader() {
		byte[] png = PhotoTypeTest.png();
		// IHDR data starts at byte 16: width and height, then its CRC after the 13 data bytes
		ByteBuffer b = ByteBuffer.wrap(png);
		b.putInt(16, 100_000).putInt(20, 100_000);
		CRC32 crc = new CRC32();
		crc.update(png, 12, 17);
		b.putInt(29, (int) crc.getValue());
		assertThatThrownBy(() -> PhotoImage.decode("bomb.png", png, MAX_PIXELS))
			.isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("100000 × 100000")
			.hasMessageContaining("40 megapixels");
	}

	@Test
	void webpAndNonImagesAreRefused() {
		assertThatThrownBy(() -> PhotoImage.decode("a.webp", PhotoTypeTest.webp(), MAX_PIXELS)).hasMessageContaining("WebP");
		assertThatThrownBy(() -> PhotoImage.decode(null, "<svg/>".getBytes(StandardCharsets.US_ASCII), MAX_PIXELS))
			.hasMessageContaining("not a JPEG or PNG");
	}
}
