package be.ebox.documents;

import java.security.DigestInputStream;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Opt-in measurement ({@code -Debox.measure=true}, best with a small heap, e.g. {@code -DargLine=-Xmx128m} on
 * PostgreSQL): stores and reads back 100 MB; with a heap smaller than twice the content this only passes when
 * nothing holds the whole content.
 */
@EnabledIfSystemProperty(named = "ebox.measure", matches = "true")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BlobStoreMeasurement {

	@Autowired
	BlobStore blobs;

	@Test
	void hundredMegabytes() throws Exception {
		long size = 100L * 1024 * 1024;
		var source = new DigestInputStream(new BlobStoreTest.PseudoRandomStream(size, System.nanoTime()), Digests.sha256());
		long start = System.nanoTime();
		StoredBlob blob = blobs.store(source);
		long stored = System.nanoTime();
		try (var read = new DigestInputStream(blobs.get(blob.sha256()), Digests.sha256())) {
			assertThat(read.transferTo(BlobStoreTest.OutputStreamNull.INSTANCE)).isEqualTo(size);
			assertThat(HexFormat.of().formatHex(read.getMessageDigest().digest())).isEqualTo(blob.sha256());
		}
		long readBack = System.nanoTime();
		System.out.printf("blob store, 100 MB: store %d ms, read %d ms, max heap %d MB%n", (stored - start) / 1_000_000,
				(readBack - stored) / 1_000_000, Runtime.getRuntime().maxMemory() / (1024 * 1024));
	}
}
