package io.watchkeeper.maintenance;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Iterator;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;

import io.watchkeeper.shared.InvalidInputException;

/**
 * A photo as it is stored: decoded on the server and encoded again from its pixels alone. What is not an image
 * through and through is refused (a JPEG header followed by HTML does not decode); whatever rode along with the
 * pixels is gone (HTML appended to a PNG, EXIF with the GPS position of the technician). The size in pixels is read
 * from the header first, so a small file that would decode to gigabytes (a decompression bomb) is refused unread.
 * WebP is refused: the JDK cannot decode it, and an image we cannot decode we cannot clean.
 */
record PhotoImage(PhotoType type, byte[] content, int width, int height) {

	private static final float JPEG_QUALITY = 0.9f;

	static {
		ImageIO.setUseCache(false); // decode in memory, no temporary files
	}

	static PhotoImage decode(String fileName, byte[] bytes, long maxPixels) {
		String name = fileName == null || fileName.isBlank() ? "the photo" : "\"" + fileName.strip() + "\"";
		PhotoType type = PhotoType.detect(bytes).orElseThrow(() -> refused(name,
				"is not a JPEG or PNG image (checked by its content, not its name)"));
		if (type == PhotoType.WEBP) {
			throw refused(name, "is a WebP image, which this server cannot check; send it as JPEG or PNG");
		}
		BufferedImage image;
		int width;
		int height;
		try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
			Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(type == PhotoType.JPEG ? "jpeg" : "png");
			if (!readers.hasNext()) {
				throw refused(name, "cannot be read on this server");
			}
			ImageReader reader = readers.next();
			try {
				reader.setInput(in, true, true);
				width = reader.getWidth(0);
				height = reader.getHeight(0);
				if ((long) width * height > maxPixels) {
					throw refused(name, "is " + width + " × " + height + " pixels, more than the " + maxPixels / 1_000_000
							+ " megapixels a photo may have");
				}
				image = reader.read(0);
			}
			finally {
				reader.dispose();
			}
		}
		catch (IOException | RuntimeException e) {
			if (e instanceof InvalidInputException invalid) {
				throw invalid;
			}
			throw refused(name, "cannot be decoded as a " + type.name() + " image ("
					+ (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()) + ")");
		}
		if (image == null) {
			throw refused(name, "cannot be decoded as a " + type.name() + " image");
		}
		return new PhotoImage(type, encode(image, type), width, height);
	}

	private static byte[] encode(BufferedImage image, PhotoType type) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ImageWriter writer = ImageIO.getImageWritersByFormatName(type == PhotoType.JPEG ? "jpeg" : "png").next();
		try (ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
			writer.setOutput(stream);
			ImageWriteParam param = writer.getDefaultWriteParam();
			if (type == PhotoType.JPEG) {
				param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
				param.setCompressionQuality(JPEG_QUALITY);
			}
			writer.write(null, new IIOImage(image, null, null), param);
		}
		catch (IOException e) {
			throw new IllegalStateException("Encoding a decoded " + type + " failed", e);
		}
		finally {
			writer.dispose();
		}
		return out.toByteArray();
	}

	private static InvalidInputException refused(String name, String reason) {
		return new InvalidInputException("file", "The file " + name + " " + reason);
	}
}
