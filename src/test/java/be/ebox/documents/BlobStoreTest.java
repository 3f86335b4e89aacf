package be.ebox.documents;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.DigestInputStream;
import java.util.HexFormat;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BlobStoreTest {

	@Autowired
	BlobStore blobs;

	@Autowired
	JdbcClient jdbc;

	@Test
	void storesTheSameContentOnce() {
		byte[] content = ("brochure " + System.nanoTime()).getBytes(StandardCharsets.UTF_8);
		int before = jdbc.sql("SELECT COUNT(*) FROM document_blob").query(Integer.class).single();
		StoredBlob first = blobs.store(new ByteArrayInputStream(content));
		StoredBlob second = blobs.store(new ByteArrayInputStream(content));
		assertThat(second).isEqualTo(first);
		assertThat(first.sha256()).isEqualTo(Digests.sha256Hex(content));
		assertThat(first.size()).isEqualTo(content.length);
		assertThat(first.mediaType()).isEqualTo("text/plain");
		assertThat(jdbc.sql("SELECT COUNT(*) FROM document_blob").query(Integer.class).single()).isEqualTo(before + 1);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM document_blob_chunk WHERE sha256 = ?").param(first.sha256())
			.query(Integer.class).single()).isEqualTo(1);
		assertThat(blobs.exists(first.sha256())).isTrue();
		assertThat(first.digestBase64Url()).isEqualTo(Digests.sha256Base64Url(content));
	}

	@Test
	void roundTripsTenMegabytesStreamedInChunks() throws IOException {
		long size = 10L * 1024 * 1024 + 123;
		var source = new DigestInputStream(new PseudoRandomStream(size, System.nanoTime()), Digests.sha256());
		StoredBlob blob = blobs.store(source);
		String expected = HexFormat.of().formatHex(source.getMessageDigest().digest());
		assertThat(blob.sha256()).isEqualTo(expected);
		assertThat(blob.size()).isEqualTo(size);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM document_blob_chunk WHERE sha256 = ?").param(blob.sha256())
			.query(Integer.class).single()).isEqualTo(11);
		try (var read = new DigestInputStream(blobs.get(blob.sha256()), Digests.sha256())) {
			long count = read.transferTo(OutputStreamNull.INSTANCE);
			assertThat(count).isEqualTo(size);
			assertThat(HexFormat.of().formatHex(read.getMessageDigest().digest())).isEqualTo(expected);
		}
	}

	@Test
	void anUnknownDigestIsNotFound() {
		assertThat(blobs.exists("0".repeat(64))).isFalse();
		assertThat(blobs.find("not-a-digest")).isEmpty();
		assertThatThrownBy(() -> blobs.get("0".repeat(64))).isInstanceOf(BlobNotFoundException.class);
	}

	@Test
	void detectsTheRealTypeFromTheBytes() throws IOException {
		byte[] pdf = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
			.getBytes(StandardCharsets.US_ASCII);
		assertThat(MediaTypes.detect(new ByteArrayInputStream(pdf), "letter.pdf")).isEqualTo("application/pdf");
		assertThat(MediaTypes.requireAllowed(MediaTypes.CONTRACT_ATTACHMENT_TYPES, new ByteArrayInputStream(pdf), "letter.pdf"))
			.isEqualTo("application/pdf");

		byte[] executable = new byte[512];
		executable[0] = 'M';
		executable[1] = 'Z';
		assertThat(MediaTypes.detect(new ByteArrayInputStream(executable), "invoice.pdf")).isNotEqualTo("application/pdf");
		assertThatThrownBy(() -> MediaTypes.requireAllowed(MediaTypes.CONTRACT_ATTACHMENT_TYPES,
				new ByteArrayInputStream(executable), "invoice.pdf"))
			.isInstanceOf(UnsupportedMediaTypeException.class);

		byte[] zip = zip();
		assertThat(MediaTypes.detect(new ByteArrayInputStream(zip), "report.pdf")).isEqualTo("application/zip");
		assertThatThrownBy(() -> MediaTypes.requireAllowed(MediaTypes.CONTRACT_ATTACHMENT_TYPES,
				new ByteArrayInputStream(zip), "report.pdf"))
			.isInstanceOf(UnsupportedMediaTypeException.class)
			.extracting(ex -> ((UnsupportedMediaTypeException) ex).detected())
			.isEqualTo("application/zip");
		assertThat(MediaTypes.requireAllowed(MediaTypes.CONTRACT_ATTACHMENT_TYPES, new ByteArrayInputStream(zip), "annexes.zip"))
			.isEqualTo("application/zip");
	}

	@Test
	void convertsDigestsBetweenHexAndTheContractsBase64Url() {
		byte[] content = "abc".getBytes(StandardCharsets.US_ASCII);
		String base64Url = Digests.sha256Base64Url(content);
		assertThat(base64Url).isEqualTo("ungWv48Bz-pBQUDeXa4iI7ADYaOWF3qctBD_YfIAFa0");
		assertThat(Digests.base64UrlToHex(base64Url)).isEqualTo(Digests.sha256Hex(content));
		assertThat(Digests.sameBase64Url(base64Url, base64Url + "=")).isTrue();
		assertThat(Digests.sameBase64Url(base64Url, "AAAA")).isFalse();
	}

	private static byte[] zip() throws IOException {
		var bytes = new ByteArrayOutputStream();
		try (var zip = new ZipOutputStream(bytes)) {
			zip.putNextEntry(new ZipEntry("hello.txt"));
			zip.write("hello".getBytes(StandardCharsets.US_ASCII));
			zip.closeEntry();
		}
		return bytes.toByteArray();
	}

	/** Generates bytes on the fly: the test never holds the 10 MB either. */
	static final class PseudoRandomStream extends InputStream {

		private final Random random;

		private long remaining;

		PseudoRandomStream(long size, long seed) {
			this.remaining = size;
			this.random = new Random(seed);
		}

		@Override
		public int read() {
			if (remaining <= 0) {
				return -1;
			}
			remaining--;
			return random.nextInt(256);
		}

		@Override
		public int read(byte[] target, int offset, int length) {
			if (remaining <= 0) {
				return -1;
			}
			int n = (int) Math.min(length, remaining);
			byte[] chunk = new byte[n];
			random.nextBytes(chunk);
			System.arraycopy(chunk, 0, target, offset, n);
			remaining -= n;
			return n;
		}
	}

	static final class OutputStreamNull extends java.io.OutputStream {

		static final OutputStreamNull INSTANCE = new OutputStreamNull();

		@Override
		public void write(int b) {
		}

		@Override
		public void write(byte[] b, int off, int len) {
		}
	}
}
