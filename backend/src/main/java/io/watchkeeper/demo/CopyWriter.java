package io.watchkeeper.demo;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;

import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;

/** Streams rows to PostgreSQL's {@code COPY ... FROM STDIN} in text format: the fastest way in. */
final class CopyWriter implements AutoCloseable {

	private final PGCopyOutputStream stream;
	private final BufferedWriter out;
	private boolean firstField = true;

	CopyWriter(Connection connection, String copySql) throws SQLException {
		this.stream = new PGCopyOutputStream(connection.unwrap(PGConnection.class), copySql, 1 << 20);
		this.out = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), 1 << 16);
	}

	CopyWriter add(Object value) {
		separate();
		if (value == null) {
			write("\\N");
		}
		else {
			String text = value.toString();
			write(needsEscape(text) ? escape(text) : text);
		}
		return this;
	}

	CopyWriter add(long value) {
		separate();
		write(Long.toString(value));
		return this;
	}

	/** A WGS84 point as EWKT, which PostGIS parses on the way in. */
	CopyWriter point(double lon, double lat) {
		separate();
		write("SRID=4326;POINT(" + lon + " " + lat + ")");
		return this;
	}

	void endRow() {
		write("\n");
		firstField = true;
	}

	/** Ends the COPY; returns the number of rows the server took. */
	long finish() {
		try {
			out.flush();
			return stream.endCopy();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		catch (SQLException e) {
			throw new IllegalStateException("COPY failed: " + e.getMessage(), e);
		}
	}

	@Override
	public void close() {
		try {
			if (stream.isActive()) {
				stream.cancelCopy();
			}
		}
		catch (SQLException e) {
			throw new IllegalStateException(e);
		}
	}

	private void separate() {
		if (!firstField) {
			write("\t");
		}
		firstField = false;
	}

	private void write(String text) {
		try {
			out.write(text);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static boolean needsEscape(String text) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == '\\' || c == '\t' || c == '\n' || c == '\r') {
				return true;
			}
		}
		return false;
	}

	private static String escape(String text) {
		return text.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r");
	}
}
