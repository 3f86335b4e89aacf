package be.ebox.registry.internal;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * The extract as a folder of CSV files or as the published zip. Zip entries are streamed straight from the archive
 * (nothing is unpacked to disk); entries may sit in a sub-folder of the zip.
 */
abstract sealed class KboSource implements AutoCloseable {

	/** Opens a folder or a zip; an {@link IOException} says why it cannot be read. */
	static KboSource open(Path folderOrZip) throws IOException {
		if (Files.isDirectory(folderOrZip)) {
			return new Folder(folderOrZip);
		}
		if (!Files.isRegularFile(folderOrZip)) {
			throw new IOException("no such folder or zip file: " + folderOrZip.getFileName());
		}
		try {
			return new Zip(new ZipFile(folderOrZip.toFile()));
		}
		catch (ZipException ex) {
			throw new IOException("not a zip file: " + folderOrZip.getFileName(), ex);
		}
	}

	/** Which of our files the source holds. */
	abstract java.util.Set<KboFile> files();

	/** Uncompressed size of a file, for the progress bar (0 when unknown). */
	abstract long size(KboFile file);

	/** The file's content; {@code counter} receives every byte read. */
	abstract InputStream open(KboFile file, ByteCounter counter) throws IOException;

	long totalBytes() {
		return files().stream().mapToLong(this::size).sum();
	}

	@Override
	public void close() throws IOException {
	}

	/** Shared by the streams of one import, read by the batch that records progress. */
	static final class ByteCounter {

		private long count;

		long count() {
			return count;
		}

		void add(long bytes) {
			count += bytes;
		}
	}

	static final class Folder extends KboSource {

		private final Map<KboFile, Path> paths = new EnumMap<>(KboFile.class);

		Folder(Path folder) throws IOException {
			try (Stream<Path> list = Files.list(folder)) {
				list.filter(Files::isRegularFile)
					.forEach(path -> KboFile.forName(path.getFileName().toString()).ifPresent(f -> paths.put(f, path)));
			}
		}

		@Override
		java.util.Set<KboFile> files() {
			return paths.keySet();
		}

		@Override
		long size(KboFile file) {
			try {
				return Files.size(paths.get(file));
			}
			catch (IOException ex) {
				return 0;
			}
		}

		@Override
		InputStream open(KboFile file, ByteCounter counter) throws IOException {
			return new Counting(Files.newInputStream(paths.get(file)), counter);
		}
	}

	static final class Zip extends KboSource {

		private final ZipFile zip;

		private final Map<KboFile, ZipEntry> entries = new EnumMap<>(KboFile.class);

		Zip(ZipFile zip) {
			this.zip = zip;
			zip.stream().filter(entry -> !entry.isDirectory())
				.forEach(entry -> KboFile.forName(entry.getName()).ifPresent(f -> entries.putIfAbsent(f, entry)));
		}

		@Override
		java.util.Set<KboFile> files() {
			return entries.keySet();
		}

		@Override
		long size(KboFile file) {
			return Math.max(0, Optional.ofNullable(entries.get(file)).map(ZipEntry::getSize).orElse(0L));
		}

		@Override
		InputStream open(KboFile file, ByteCounter counter) throws IOException {
			return new Counting(zip.getInputStream(entries.get(file)), counter);
		}

		@Override
		public void close() throws IOException {
			zip.close();
		}
	}

	private static final class Counting extends FilterInputStream {

		private final ByteCounter counter;

		Counting(InputStream in, ByteCounter counter) {
			super(in);
			this.counter = counter;
		}

		@Override
		public int read() throws IOException {
			int b = super.read();
			if (b >= 0) {
				counter.add(1);
			}
			return b;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			int n = super.read(buffer, offset, length);
			if (n > 0) {
				counter.add(n);
			}
			return n;
		}
	}
}
