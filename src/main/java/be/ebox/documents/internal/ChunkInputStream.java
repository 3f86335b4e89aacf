package be.ebox.documents.internal;

import java.io.InputStream;
import java.util.function.IntFunction;

/** Reads a chunked content one chunk at a time: only the current chunk is in memory, no connection is held between reads. */
final class ChunkInputStream extends InputStream {

	private final int chunkCount;

	private final IntFunction<byte[]> chunks;

	private int next;

	private byte[] current = new byte[0];

	private int position;

	ChunkInputStream(int chunkCount, IntFunction<byte[]> chunks) {
		this.chunkCount = chunkCount;
		this.chunks = chunks;
	}

	private boolean fill() {
		while (position >= current.length) {
			if (next >= chunkCount) {
				return false;
			}
			current = chunks.apply(next++);
			position = 0;
		}
		return true;
	}

	@Override
	public int read() {
		return fill() ? current[position++] & 0xff : -1;
	}

	@Override
	public int read(byte[] target, int offset, int length) {
		if (length == 0) {
			return 0;
		}
		if (!fill()) {
			return -1;
		}
		int n = Math.min(length, current.length - position);
		System.arraycopy(current, position, target, offset, n);
		position += n;
		return n;
	}

	@Override
	public void close() {
		current = new byte[0];
		next = chunkCount;
	}
}
