package io.watchkeeper.camera.importing;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decides how an uploaded text file is encoded. Spreadsheets in Taiwanese offices save CSV as UTF-8
 * (often with a byte order mark) or as Big5; Java's MS950 ({@code x-windows-950}) is the Big5 that
 * Windows writes, with the characters plain Big5 lacks. Automatic detection: a UTF-8 or UTF-16 byte order
 * mark decides; otherwise valid UTF-8 is UTF-8 (a Big5 file of any length is practically never valid
 * UTF-8); otherwise the file must decode cleanly as Big5. A file that is neither is refused, naming the
 * first line that is not valid.
 */
final class TextEncoding {

	enum Choice {
		AUTO, UTF_8, BIG5
	}

	static final Charset BIG5 = Charset.forName("x-windows-950");

	record Detected(Charset charset, String label, int bomLength) {
	}

	private TextEncoding() {
	}

	static Detected detect(byte[] bytes, Choice choice) {
		if (startsWith(bytes, 0xEF, 0xBB, 0xBF)) {
			return checked(bytes, new Detected(StandardCharsets.UTF_8, "UTF-8", 3));
		}
		if (startsWith(bytes, 0xFF, 0xFE)) {
			return checked(bytes, new Detected(StandardCharsets.UTF_16LE, "UTF-16LE", 2));
		}
		if (startsWith(bytes, 0xFE, 0xFF)) {
			return checked(bytes, new Detected(StandardCharsets.UTF_16BE, "UTF-16BE", 2));
		}
		Detected utf8 = new Detected(StandardCharsets.UTF_8, "UTF-8", 0);
		Detected big5 = new Detected(BIG5, "Big5", 0);
		return switch (choice) {
			case UTF_8 -> checked(bytes, utf8);
			case BIG5 -> checked(bytes, big5);
			case AUTO -> {
				int badUtf8 = firstInvalidByte(bytes, utf8);
				if (badUtf8 < 0) {
					yield utf8;
				}
				int badBig5 = firstInvalidByte(bytes, big5);
				if (badBig5 < 0) {
					yield big5;
				}
				throw new ImportFileException("import.file.encoding.neither", lineOf(bytes, badUtf8), lineOf(bytes, badBig5),
						hex(bytes, badUtf8));
			}
		};
	}

	private static Detected checked(byte[] bytes, Detected detected) {
		int bad = firstInvalidByte(bytes, detected);
		if (bad >= 0) {
			throw new ImportFileException("import.file.encoding.invalid", detected.label(), lineOf(bytes, bad), hex(bytes, bad));
		}
		return detected;
	}

	/** Offset of the first byte that does not decode, or -1 when the whole file decodes cleanly. */
	static int firstInvalidByte(byte[] bytes, Detected encoding) {
		CharsetDecoder decoder = encoding.charset().newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT);
		ByteBuffer in = ByteBuffer.wrap(bytes, encoding.bomLength(), bytes.length - encoding.bomLength());
		CharBuffer out = CharBuffer.allocate(64 * 1024);
		while (true) {
			CoderResult result = decoder.decode(in, out, true);
			if (result.isError()) {
				return in.position();
			}
			if (result.isUnderflow()) {
				out.clear();
				return decoder.flush(out).isError() ? in.position() : -1;
			}
			out.clear();
		}
	}

	/** 1-based line of a byte offset, counting line feeds (right for UTF-8 and Big5, whose multi-byte characters never contain 0x0A). */
	static int lineOf(byte[] bytes, int offset) {
		int line = 1;
		for (int i = 0; i < offset && i < bytes.length; i++) {
			if (bytes[i] == '\n') {
				line++;
			}
		}
		return line;
	}

	private static String hex(byte[] bytes, int offset) {
		StringBuilder sb = new StringBuilder();
		for (int i = offset; i < Math.min(bytes.length, offset + 3); i++) {
			if (sb.length() > 0) {
				sb.append(' ');
			}
			sb.append(String.format("0x%02X", bytes[i] & 0xff));
		}
		return sb.toString();
	}

	private static boolean startsWith(byte[] bytes, int... prefix) {
		if (bytes.length < prefix.length) {
			return false;
		}
		for (int i = 0; i < prefix.length; i++) {
			if ((bytes[i] & 0xff) != prefix[i]) {
				return false;
			}
		}
		return true;
	}
}
