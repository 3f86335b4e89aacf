package be.ebox.system;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Rows in PostgreSQL's COPY text format (tab between columns, {@code \N} for null, backslash escapes), encoded as UTF-8
 * straight into one reused byte array and sent with one {@code COPY ... FROM STDIN}; the bulk loads of the registry
 * and of bulk publication share it. Own code rather than pgjdbc's {@code CopyManager.copyIn(String, Reader)}: that
 * path builds the whole text as a {@code String} first and encodes it again, which for batches of thousands of rows
 * costs more than the COPY saves. One instance per writer thread: it grows to the largest batch and stays.
 */
public final class CopyRows {

	private byte[] bytes = new byte[1 << 16];

	private int length;

	private boolean lineStarted;

	/** The last instants written and their text: a bulk chunk writes the same two or three in every row. */
	private final Instant[] instants = new Instant[4];

	private final byte[][] instantBytes = new byte[4][];

	private int nextInstant;

	private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

	public CopyRows clear() {
		length = 0;
		lineStarted = false;
		return this;
	}

	public boolean isEmpty() {
		return length == 0;
	}

	public CopyRows text(String value) {
		separator();
		if (value == null) {
			return raw("\\N");
		}
		int count = value.length();
		ensure(count * 3 + 2);
		for (int i = 0; i < count; i++) {
			char c = value.charAt(i);
			if (c < 0x80) {
				switch (c) {
					case '\\' -> escaped('\\');
					case '\t' -> escaped('t');
					case '\n' -> escaped('n');
					case '\r' -> escaped('r');
					default -> bytes[length++] = (byte) c;
				}
			}
			else if (c < 0x800) {
				bytes[length++] = (byte) (0xC0 | (c >> 6));
				bytes[length++] = (byte) (0x80 | (c & 0x3F));
			}
			else if (Character.isHighSurrogate(c) && i + 1 < count && Character.isLowSurrogate(value.charAt(i + 1))) {
				int code = Character.toCodePoint(c, value.charAt(++i));
				ensure(1);
				bytes[length++] = (byte) (0xF0 | (code >> 18));
				bytes[length++] = (byte) (0x80 | ((code >> 12) & 0x3F));
				bytes[length++] = (byte) (0x80 | ((code >> 6) & 0x3F));
				bytes[length++] = (byte) (0x80 | (code & 0x3F));
			}
			else {
				// a lone surrogate cannot be encoded: the replacement character, as String.getBytes would write
				char k = Character.isSurrogate(c) ? '\uFFFD' : c;
				bytes[length++] = (byte) (0xE0 | (k >> 12));
				bytes[length++] = (byte) (0x80 | ((k >> 6) & 0x3F));
				bytes[length++] = (byte) (0x80 | (k & 0x3F));
			}
		}
		return this;
	}

	/** A value that needs no escaping (UUIDs, numbers, ISO instants and dates). */
	public CopyRows plain(Object value) {
		separator();
		return value == null ? raw("\\N") : raw(value.toString());
	}

	public CopyRows bool(boolean value) {
		separator();
		return raw(value ? "t" : "f");
	}

	/** A UUID in its canonical form, hex digits written straight into the array (no string per value). */
	public CopyRows uuid(UUID value) {
		if (value == null) {
			return plain(null);
		}
		separator();
		ensure(36);
		hex(value.getMostSignificantBits() >>> 32, 8);
		bytes[length++] = '-';
		hex(value.getMostSignificantBits() >>> 16, 4);
		bytes[length++] = '-';
		hex(value.getMostSignificantBits(), 4);
		bytes[length++] = '-';
		hex(value.getLeastSignificantBits() >>> 48, 4);
		bytes[length++] = '-';
		hex(value.getLeastSignificantBits(), 12);
		return this;
	}

	/**
	 * ISO-8601 in UTC ({@code 2026-11-29T09:00:00.123456Z}), which a {@code timestamptz} column reads as such. The text
	 * of the last few instants is kept: formatting an instant costs more than the rest of a row's encoding.
	 */
	public CopyRows instant(Instant value) {
		if (value == null) {
			return plain(null);
		}
		byte[] text = null;
		for (int i = 0; i < instants.length && text == null; i++) {
			if (value.equals(instants[i])) {
				text = instantBytes[i];
			}
		}
		if (text == null) {
			text = value.toString().getBytes(StandardCharsets.US_ASCII);
			instants[nextInstant] = value;
			instantBytes[nextInstant] = text;
			nextInstant = (nextInstant + 1) % instants.length;
		}
		separator();
		ensure(text.length);
		System.arraycopy(text, 0, bytes, length, text.length);
		length += text.length;
		return this;
	}

	/** ISO date without going through {@code toString()}: the registry loads millions of them. */
	public CopyRows date(LocalDate value) {
		if (value == null) {
			return text(null);
		}
		int year = value.getYear();
		if (year < 1 || year > 9999) {
			return text(value.toString());
		}
		separator();
		ensure(10);
		digits(year, 4);
		bytes[length++] = '-';
		digits(value.getMonthValue(), 2);
		bytes[length++] = '-';
		digits(value.getDayOfMonth(), 2);
		return this;
	}

	public CopyRows number(long value) {
		return plain(value);
	}

	public CopyRows endRow() {
		ensure(1);
		bytes[length++] = '\n';
		lineStarted = false;
		return this;
	}

	/** @param target table and column list, e.g. {@code message_content (message_id, language)} */
	public void copyInto(Connection connection, String target) throws SQLException {
		CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY " + target + " FROM STDIN");
		try {
			copy.writeToCopy(bytes, 0, length);
			copy.endCopy();
		}
		finally {
			if (copy.isActive()) {
				copy.cancelCopy();
			}
		}
	}

	private CopyRows raw(String ascii) {
		ensure(ascii.length());
		for (int i = 0; i < ascii.length(); i++) {
			bytes[length++] = (byte) ascii.charAt(i);
		}
		return this;
	}

	private void separator() {
		if (lineStarted) {
			ensure(1);
			bytes[length++] = '\t';
		}
		lineStarted = true;
	}

	private void digits(int value, int width) {
		for (int i = width - 1; i >= 0; i--) {
			bytes[length + i] = (byte) ('0' + value % 10);
			value /= 10;
		}
		length += width;
	}

	private void hex(long value, int digits) {
		for (int i = digits - 1; i >= 0; i--) {
			bytes[length + i] = HEX[(int) (value & 0xF)];
			value >>>= 4;
		}
		length += digits;
	}

	private void escaped(char c) {
		// text() reserved 3 bytes per char, an escape needs 2
		bytes[length++] = '\\';
		bytes[length++] = (byte) c;
	}

	private void ensure(int more) {
		if (length + more > bytes.length) {
			byte[] bigger = new byte[Math.max(bytes.length * 2, length + more)];
			System.arraycopy(bytes, 0, bigger, 0, length);
			bytes = bigger;
		}
	}

	@Override
	public String toString() {
		return new String(bytes, 0, length, StandardCharsets.UTF_8);
	}
}
