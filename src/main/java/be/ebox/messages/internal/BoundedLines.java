package be.ebox.messages.internal;

import java.io.IOException;
import java.io.Reader;

/**
 * Reads a text line by line ({@code \n}, {@code \r\n} or {@code \r}) without ever holding more than one line of at
 * most {@code maxChars} characters: a longer line is skipped to its end and reported as too long, so a huge or
 * binary upload cannot fill the heap.
 */
final class BoundedLines {

	static final String TOO_LONG = new String("too long");

	private final Reader in;

	private final int maxChars;

	private final StringBuilder line = new StringBuilder(256);

	private boolean pendingLineFeed;

	BoundedLines(Reader in, int maxChars) {
		this.in = in;
		this.maxChars = maxChars;
	}

	/** @return the next line, {@link #TOO_LONG} (compare by identity) when it was too long, null at the end */
	String next() throws IOException {
		line.setLength(0);
		boolean tooLong = false;
		int c;
		while ((c = in.read()) >= 0) {
			if (pendingLineFeed) {
				pendingLineFeed = false;
				if (c == '\n') {
					continue;
				}
			}
			if (c == '\n') {
				return tooLong ? TOO_LONG : line.toString();
			}
			if (c == '\r') {
				pendingLineFeed = true;
				return tooLong ? TOO_LONG : line.toString();
			}
			if (!tooLong) {
				if (line.length() >= maxChars) {
					tooLong = true;
					line.setLength(0);
				}
				else {
					line.append((char) c);
				}
			}
		}
		if (tooLong) {
			return TOO_LONG;
		}
		// at the end: the last line had no line break, or there is no line left
		return line.isEmpty() ? null : line.toString();
	}
}
