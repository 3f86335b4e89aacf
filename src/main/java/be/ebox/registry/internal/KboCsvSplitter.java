package be.ebox.registry.internal;

import java.io.IOException;
import java.io.Reader;
import java.util.Arrays;

/**
 * Splits the CSV of the extract into records of fields, with the rules of commons-csv's {@code CSVFormat.DEFAULT}
 * (and empty lines ignored) that the importer used before: comma between fields; a field that starts with a double
 * quote is quoted, may hold commas and line breaks, and doubles its inner quotes; a quote anywhere else is an ordinary
 * character; records end with CR, LF or CR LF; only blanks may follow a closing quote before the comma or line end.
 * <p>
 * Why not commons-csv: profiling the import of the 2 M-enterprise benchmark showed half of the reader thread in
 * commons-csv, which appends every character of a quoted field to a StringBuilder one call at a time. This class
 * scans a char buffer and cuts each field out of it with one {@code new String}: the reader needs about half the CPU
 * time. {@code KboCsvReaderTest} pins the behaviour (quotes, embedded commas and line breaks, empty lines, the line
 * numbers, unbalanced quotes).
 */
final class KboCsvSplitter {

	/** The record cannot be split; the input itself could be read. */
	static final class UnsplittableException extends IOException {

		UnsplittableException(String message) {
			super(message);
		}
	}

	private final Reader in;

	private char[] buffer = new char[1 << 16];

	private int position;

	private int limit;

	private boolean endOfInput;

	/** Line breaks consumed so far. */
	private long lines;

	private long recordLine;

	private String[] fields = new String[16];

	private int count;

	KboCsvSplitter(Reader in) {
		this.in = in;
	}

	/** The line on which the current record starts (1 for the first line). */
	long recordLine() {
		return recordLine;
	}

	int size() {
		return count;
	}

	String get(int index) {
		return fields[index];
	}

	/**
	 * Moves to the next record; false at the end of the input. An {@link UnsplittableException} when the record
	 * cannot be split (a quote left open until the end of the input, or text after a closing quote): the rest of the
	 * input is not readable.
	 */
	boolean next() throws IOException {
		while (true) {
			if (position >= limit && !fill()) {
				return false;
			}
			char c = buffer[position];
			if (c == '\n') {
				position++;
				lines++;
			}
			else if (c == '\r') {
				if (position + 1 >= limit && !endOfInput) {
					fill();
					continue;
				}
				position += position + 1 < limit && buffer[position + 1] == '\n' ? 2 : 1;
				lines++;
			}
			else {
				break;
			}
		}
		recordLine = lines + 1;
		while (!split()) {
			fill();
		}
		return true;
	}

	/** Splits the record at {@code position}; false when it runs past the buffer before the end of the input. */
	private boolean split() throws IOException {
		count = 0;
		int i = position;
		long breaks = 0;
		while (true) {
			if (i >= limit) {
				if (!endOfInput) {
					return false;
				}
				add("");
				position = i;
				lines += breaks;
				return true;
			}
			int end;
			if (buffer[i] == '"') {
				boolean doubled = false;
				int j = i + 1;
				while (true) {
					if (j >= limit) {
						if (endOfInput) {
							throw new UnsplittableException("end of file inside a quoted field");
						}
						return false;
					}
					char c = buffer[j];
					if (c == '"') {
						if (j + 1 >= limit && !endOfInput) {
							return false;
						}
						if (j + 1 < limit && buffer[j + 1] == '"') {
							doubled = true;
							j += 2;
							continue;
						}
						break;
					}
					if (c == '\n' || c == '\r' && (j + 1 >= limit || buffer[j + 1] != '\n')) {
						breaks++;
					}
					j++;
				}
				String value = new String(buffer, i + 1, j - i - 1);
				add(doubled ? value.replace("\"\"", "\"") : value);
				end = j + 1;
				while (end < limit && buffer[end] != ',' && buffer[end] != '\n' && buffer[end] != '\r') {
					if (!Character.isWhitespace(buffer[end])) {
						throw new UnsplittableException("text after a closing quote");
					}
					end++;
				}
				if (end >= limit) {
					if (!endOfInput) {
						return false;
					}
					position = end;
					lines += breaks;
					return true;
				}
			}
			else {
				end = i;
				while (end < limit && buffer[end] != ',' && buffer[end] != '\n' && buffer[end] != '\r') {
					end++;
				}
				if (end >= limit && !endOfInput) {
					return false;
				}
				add(new String(buffer, i, end - i));
				if (end >= limit) {
					position = end;
					lines += breaks;
					return true;
				}
			}
			char c = buffer[end];
			if (c == ',') {
				i = end + 1;
				continue;
			}
			if (c == '\r' && end + 1 >= limit && !endOfInput) {
				return false;
			}
			position = end + (c == '\r' && end + 1 < limit && buffer[end + 1] == '\n' ? 2 : 1);
			lines += breaks + 1;
			return true;
		}
	}

	private void add(String value) {
		if (count == fields.length) {
			fields = Arrays.copyOf(fields, count * 2);
		}
		fields[count++] = value;
	}

	/** Keeps the unread part, grows the buffer when that is all of it, and reads more; false at the end of input. */
	private boolean fill() throws IOException {
		if (endOfInput) {
			return false;
		}
		int kept = limit - position;
		if (position == 0 && kept == buffer.length) {
			buffer = Arrays.copyOf(buffer, buffer.length * 2);
		}
		else if (kept > 0) {
			System.arraycopy(buffer, position, buffer, 0, kept);
		}
		position = 0;
		limit = kept;
		int read = in.read(buffer, limit, buffer.length - limit);
		if (read < 0) {
			endOfInput = true;
			return kept > 0;
		}
		limit += read;
		return true;
	}
}
