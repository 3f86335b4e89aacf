package be.ebox.documents;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link BlobStore#storeAll}: the same result as one {@link BlobStore#store} per content, each content once. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BlobStoreBatchTest {

	@Autowired
	BlobStore blobs;

	@Autowired
	JdbcClient jdbc;

	@Test
	void storesEachContentOnceAndInOrder() throws Exception {
		byte[] before = ("stored before " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
		byte[] fresh = ("%PDF-1.4\n% " + UUID.randomUUID() + "\n%%EOF\n").getBytes(StandardCharsets.UTF_8);
		StoredBlob earlier = blobs.store(new ByteArrayInputStream(before));

		List<StoredBlob> stored = blobs.storeAll(List.of(before, fresh, fresh, new byte[0]));

		assertThat(stored).hasSize(4);
		assertThat(stored.get(0)).isEqualTo(earlier);
		assertThat(stored.get(1)).isEqualTo(stored.get(2));
		assertThat(stored.get(1).sha256()).isEqualTo(Digests.sha256Hex(fresh));
		assertThat(stored.get(1).mediaType()).isEqualTo("application/pdf");
		assertThat(stored.get(1).size()).isEqualTo(fresh.length);
		try (var in = blobs.get(stored.get(1).sha256())) {
			assertThat(in.readAllBytes()).isEqualTo(fresh);
		}
		try (var in = blobs.get(stored.get(3).sha256())) {
			assertThat(in.readAllBytes()).isEmpty();
		}
		assertThat(jdbc.sql("SELECT COUNT(*) FROM document_blob_chunk WHERE sha256 = ?")
			.param(stored.get(1).sha256())
			.query(Long.class)
			.single()).isEqualTo(1);
		assertThat(blobs.find(stored.get(1).sha256())).contains(stored.get(1));
	}
}
