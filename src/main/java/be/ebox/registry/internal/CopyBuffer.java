package be.ebox.registry.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Arrays;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Rows in PostgreSQL's COPY text format, encoded straight into a reused byte array and handed to the driver in one
 * piece. Replaces building a CSV {@code String} per batch and letting the driver re-encode it through a
 * {@code Reader}: that copied every batch three times. Text format: tab between fields, {@code \N} for NULL, and
 * backslash, tab, newline and carriage return escaped with a backslash. One buffer per writer thread; it grows to the
 * largest batch and stays (a few MB).
 */
final class CopyBuffer {

	private byte[] bytes = new byte[1 << 16];

	private int length;

	private boolean lineStarted;

	CopyBuffer clear() {
		length = 0;
		lineStarted = false;
		return this;
	}

	boolean isEmpty() {
		return length == 0;
	}

	CopyBuffer text(String value) {
		separator();
		if (value == null) {
			ensure(2);
			bytes[length++] = '\\';
			bytes[length++] = 'N';
			return this;
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
				bytes[length++] = (byte) (0xF0 | (code >> 18));
				bytes[length++] = (byte) (0x80 | ((code >> 12) & 0x3F));
				bytes[length++] = (byte) (0x80 | ((code >> 6) & 0x3F));
				bytes[length++] = (byte) (0x80 | (code & 0x3F));
			}
			else {
				// a lone surrogate cannot be encoded: the replacement character, as the String encoder would do
				char d = Character.isSurrogate(c) ? '\uFFFD' : c;
				bytes[length++] = (byte) (0xE0 | (d >> 12));
				bytes[length++] = (byte) (0x80 | ((d >> 6) & 0x3F));
				bytes[length++] = (byte) (0x80 | (d & 0x3F));
			}
		}
		return this;
	}

	CopyBuffer date(LocalDate value) {
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

	CopyBuffer number(long value) {
		separator();
		byte[] text = Long.toString(value).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
		ensure(text.length);
		System.arraycopy(text, 0, bytes, length, text.length);
		length += text.length;
		return this;
	}

	CopyBuffer endLine() {
		ensure(1);
		bytes[length++] = '\n';
		lineStarted = false;
		return this;
	}

	/** {@code table} is one of our table names with its column list, never input. */
	void copyInto(Connection connection, String table) throws SQLException {
		CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY " + table + " FROM STDIN");
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

	private void separator() {
		if (lineStarted) {
			ensure(1);
			bytes[length++] = '\t';
		}
		lineStarted = true;
	}

	private void escaped(char c) {
		// callers reserved 3 bytes per char, an escape needs 2
		bytes[length++] = '\\';
		bytes[length++] = (byte) c;
	}

	private void digits(int value, int width) {
		for (int i = width - 1; i >= 0; i--) {
			bytes[length + i] = (byte) ('0' + value % 10);
			value /= 10;
		}
		length += width;
	}

	private void ensure(int more) {
		if (length + more > bytes.length) {
			bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
		}
	}
}
