package be.ebox.documents.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

import be.ebox.documents.BlobNotFoundException;
import be.ebox.documents.BlobStore;
import be.ebox.documents.Digests;
import be.ebox.documents.MediaTypes;
import be.ebox.documents.StoredBlob;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The database blob store. A content is first streamed into a temporary file while it is hashed and counted (we only
 * know its key at the end), then copied into 1 MB chunk rows in one transaction, unless it is already there.
 */
@Service
class JdbcBlobStore implements BlobStore {

	static final int CHUNK_SIZE = 1024 * 1024;

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final JdbcTemplate template;

	JdbcBlobStore(JdbcClient jdbc, TransactionTemplate transactions, Clock clock, JdbcTemplate template) {
		this.template = template;
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.clock = clock;
	}

	@Override
	public StoredBlob store(InputStream content) {
		Path spool = null;
		try {
			spool = Files.createTempFile("ebox-blob-", ".bin");
			MessageDigest digest = Digests.sha256();
			long size;
			try (var in = new DigestInputStream(content, digest); OutputStream out = Files.newOutputStream(spool)) {
				size = in.transferTo(out);
			}
			String sha256 = HexFormat.of().formatHex(digest.digest());
			Optional<StoredBlob> existing = find(sha256);
			if (existing.isPresent()) {
				return existing.get();
			}
			var blob = new StoredBlob(sha256, size, MediaTypes.detect(spool, null));
			Path file = spool;
			transactions.executeWithoutResult(status -> insert(blob, file));
			return blob;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		finally {
			deleteQuietly(spool);
		}
	}

	/**
	 * Small contents held in memory: hashed and sniffed here, then one transaction with batched inserts. A content
	 * stored before, or twice in the list, is inserted once (its chunks too).
	 */
	@Override
	public List<StoredBlob> storeAll(List<byte[]> contents) {
		// hashing and sniffing are CPU work: on every core (the order of the list is kept)
		var blobs = contents.parallelStream()
			.map(content -> new StoredBlob(Digests.sha256Hex(content), content.length,
					MediaTypes.detect(new ByteArrayInputStream(content), null)))
			.toList();
		var now = OffsetDateTime.now(clock);
		var indexes = IntStream.range(0, blobs.size()).boxed().toList();
		transactions.executeWithoutResult(status -> {
			int[][] inserted = template.batchUpdate("""
					INSERT INTO document_blob (sha256, size, media_type, chunk_count, created_at) VALUES (?, ?, ?, ?, ?)
					ON CONFLICT DO NOTHING""", indexes, 1000, (ps, i) -> {
				StoredBlob blob = blobs.get(i);
				ps.setString(1, blob.sha256());
				ps.setLong(2, blob.size());
				ps.setString(3, blob.mediaType());
				ps.setInt(4, (int) ((blob.size() + CHUNK_SIZE - 1) / CHUNK_SIZE));
				ps.setObject(5, now);
			});
			var chunks = new ArrayList<Object[]>();
			int index = 0;
			for (int[] batch : inserted) {
				for (int count : batch) {
					if (count != 0) {
						byte[] content = contents.get(index);
						for (int seq = 0, from = 0; from < content.length; seq++, from += CHUNK_SIZE) {
							chunks.add(new Object[] { blobs.get(index).sha256(), seq,
									Arrays.copyOfRange(content, from, Math.min(content.length, from + CHUNK_SIZE)) });
						}
					}
					index++;
				}
			}
			template.batchUpdate("INSERT INTO document_blob_chunk (sha256, seq, content) VALUES (?, ?, ?)", chunks, 1000,
					(ps, row) -> {
						ps.setString(1, (String) row[0]);
						ps.setInt(2, (Integer) row[1]);
						ps.setBytes(3, (byte[]) row[2]);
					});
		});
		return blobs;
	}

	private void insert(StoredBlob blob, Path file) {
		int chunks = (int) ((blob.size() + CHUNK_SIZE - 1) / CHUNK_SIZE);
		// a concurrent store of the same content waits here for the other transaction, then inserts nothing
		int inserted = jdbc.sql("""
				INSERT INTO document_blob (sha256, size, media_type, chunk_count, created_at) VALUES (?, ?, ?, ?, ?)
				ON CONFLICT DO NOTHING""")
			.params(blob.sha256(), blob.size(), blob.mediaType(), chunks, OffsetDateTime.now(clock))
			.update();
		if (inserted == 0) {
			return;
		}
		byte[] buffer = new byte[CHUNK_SIZE];
		try (InputStream in = Files.newInputStream(file)) {
			for (int seq = 0; seq < chunks; seq++) {
				int length = in.readNBytes(buffer, 0, CHUNK_SIZE);
				byte[] chunk = length == CHUNK_SIZE ? buffer : java.util.Arrays.copyOf(buffer, length);
				jdbc.sql("INSERT INTO document_blob_chunk (sha256, seq, content) VALUES (?, ?, ?)")
					.params(blob.sha256(), seq, chunk)
					.update();
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public Optional<StoredBlob> find(String sha256Hex) {
		if (!Digests.isSha256Hex(sha256Hex)) {
			return Optional.empty();
		}
		return jdbc.sql("SELECT sha256, size, media_type FROM document_blob WHERE sha256 = ?")
			.param(sha256Hex)
			.query((rs, n) -> new StoredBlob(rs.getString("sha256"), rs.getLong("size"), rs.getString("media_type")))
			.optional();
	}

	@Override
	public boolean exists(String sha256Hex) {
		return find(sha256Hex).isPresent();
	}

	@Override
	public InputStream get(String sha256Hex) {
		int chunks = Digests.isSha256Hex(sha256Hex) ? jdbc.sql("SELECT chunk_count FROM document_blob WHERE sha256 = ?")
			.param(sha256Hex)
			.query(Integer.class)
			.optional()
			.orElse(-1) : -1;
		if (chunks < 0) {
			throw new BlobNotFoundException(sha256Hex);
		}
		return new ChunkInputStream(chunks, seq -> jdbc
			.sql("SELECT content FROM document_blob_chunk WHERE sha256 = ? AND seq = ?")
			.params(sha256Hex, seq)
			.query((rs, n) -> rs.getBytes(1))
			.single());
	}

	private static void deleteQuietly(Path file) {
		if (file != null) {
			try {
				Files.deleteIfExists(file);
			}
			catch (IOException ex) {
				file.toFile().deleteOnExit();
			}
		}
	}
}
