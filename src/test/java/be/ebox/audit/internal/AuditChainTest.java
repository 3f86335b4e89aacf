package be.ebox.audit.internal;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import be.ebox.audit.AuditEvent;
import be.ebox.audit.AuditRecord;
import be.ebox.audit.AuditTrail;
import be.ebox.registry.EnterpriseNumber;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.servlet.multipart.max-file-size=64KB", "spring.servlet.multipart.max-request-size=128KB" })
class AuditChainTest {

	@Autowired
	AuditTrail trail;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DataSource dataSource;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	VerifyAuditCommand command;

	Tamper tamper;

	@BeforeEach
	void chainIsIntactBeforeEachTest() {
		tamper = new Tamper(jdbc, dataSource, transactions);
		assertThat(trail.firstBrokenRecord()).isEmpty();
	}

	@Test
	void concurrentWritersProduceOneUnbrokenChain() throws Exception {
		long before = lastSeq();
		int threads = 8;
		int perThread = 40;
		var pool = Executors.newFixedThreadPool(threads);
		var transaction = new TransactionTemplate(transactions);
		List<Callable<Void>> writers = new ArrayList<>();
		for (int t = 0; t < threads; t++) {
			int writer = t;
			writers.add(() -> {
				for (int i = 0; i < perThread; i++) {
					if (i % 4 == 0) {
						// some callers write several records in one transaction of their own
						transaction.executeWithoutResult(status -> {
							trail.record(AuditEvent.of("writer-" + writer, "CONCURRENT_A", null, "first"));
							trail.record(AuditEvent.of("writer-" + writer, "CONCURRENT_B", null, "second"));
						});
						i++;
					}
					else {
						trail.record(AuditEvent.of("writer-" + writer, "CONCURRENT", null, "record " + i));
					}
				}
				return null;
			});
		}
		long start = System.nanoTime();
		for (var result : pool.invokeAll(writers)) {
			result.get();
		}
		long elapsed = System.nanoTime() - start;
		pool.shutdown();
		assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();

		long after = lastSeq();
		assertThat(after - before).isEqualTo(threads * perThread);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_record WHERE seq > ? AND seq <= ?")
			.params(before, after).query(Long.class).single()).isEqualTo(threads * perThread);
		var verification = trail.verify();
		assertThat(verification.isIntact()).isTrue();
		assertThat(verification.records()).isEqualTo(after);
		System.out.printf("audit: %d records by %d threads in %d ms (%.0f records/s)%n", threads * perThread, threads,
				elapsed / 1_000_000, threads * perThread / (elapsed / 1e9));
	}

	@Test
	void aRolledBackTransactionLeavesNoRecordAndNoGap() {
		long before = lastSeq();
		new TransactionTemplate(transactions).executeWithoutResult(status -> {
			trail.record(AuditEvent.of("tester", "ROLLED_BACK", null, null));
			status.setRollbackOnly();
		});
		assertThat(lastSeq()).isEqualTo(before);
		trail.record(AuditEvent.of("tester", "AFTER_ROLLBACK", null, null));
		assertThat(lastSeq()).isEqualTo(before + 1);
		assertThat(trail.firstBrokenRecord()).isEmpty();
	}

	@Test
	void theDatabaseRefusesToChangeOrRemoveRecords() {
		long seq = append(1);
		assertThatThrownBy(() -> jdbc.sql("UPDATE audit_record SET details = 'forged' WHERE seq = ?").param(seq).update())
			.isInstanceOf(DataAccessException.class);
		assertThatThrownBy(() -> jdbc.sql("DELETE FROM audit_record WHERE seq = ?").param(seq).update())
			.isInstanceOf(DataAccessException.class);
		assertThatThrownBy(() -> jdbc.sql("UPDATE audit_head SET last_seq = last_seq - 1 WHERE id = 1").update())
			.isInstanceOf(DataAccessException.class);
		assertThatThrownBy(() -> jdbc.sql("DELETE FROM audit_head").update()).isInstanceOf(DataAccessException.class);
		assertThat(jdbc.sql("SELECT details FROM audit_record WHERE seq = ?").param(seq).query(String.class).single())
			.isEqualTo("record 0");
		assertThat(trail.firstBrokenRecord()).isEmpty();
	}

	@Test
	void namesAModifiedRecord() {
		long first = append(5);
		tamper.run("UPDATE audit_record SET details = 'forged' WHERE seq = ?", first + 2);
		assertThat(trail.firstBrokenRecord()).contains(first + 2);
		tamper.run("UPDATE audit_record SET details = 'record 2' WHERE seq = ?", first + 2);
		assertThat(trail.firstBrokenRecord()).isEmpty();
	}

	@Test
	void namesARecordRemovedFromTheMiddle() {
		long first = append(5);
		var saved = row(first + 2);
		tamper.run("DELETE FROM audit_record WHERE seq = ?", first + 2);
		assertThat(trail.firstBrokenRecord()).contains(first + 2);
		restore(saved);
		assertThat(trail.firstBrokenRecord()).isEmpty();
	}

	@Test
	void namesTheFirstOfRecordsRemovedFromTheEnd() {
		long first = append(5);
		var saved = List.of(row(first + 3), row(first + 4));
		tamper.run("DELETE FROM audit_record WHERE seq >= ?", first + 3);
		var verification = trail.verify();
		assertThat(verification.firstBrokenRecord()).isEqualTo(first + 3);
		assertThat(verification.records()).isEqualTo(first + 2);
		saved.forEach(this::restore);
		assertThat(trail.firstBrokenRecord()).isEmpty();
	}

	@Test
	void namesTheFirstOfTwoSwappedRecords() {
		long first = append(5);
		tamper.run("UPDATE audit_record SET seq = ? WHERE seq = ?", -first, first + 1);
		tamper.run("UPDATE audit_record SET seq = ? WHERE seq = ?", first + 1, first + 2);
		tamper.run("UPDATE audit_record SET seq = ? WHERE seq = ?", first + 2, -first);
		assertThat(trail.firstBrokenRecord()).contains(first + 1);
		tamper.run("UPDATE audit_record SET seq = ? WHERE seq = ?", -first, first + 1);
		tamper.run("UPDATE audit_record SET seq = ? WHERE seq = ?", first + 1, first + 2);
		tamper.run("UPDATE audit_record SET seq = ? WHERE seq = ?", first + 2, -first);
		assertThat(trail.firstBrokenRecord()).isEmpty();
	}

	@Test
	void namesARecordInsertedInPlaceOfAnother() {
		long first = append(5);
		var saved = row(first + 2);
		tamper.run("DELETE FROM audit_record WHERE seq = ?", first + 2);
		// a forger without the chain's rules: the hash does not match the fields
		insert(first + 2, (String) saved.get("previous_hash"), "0".repeat(64), "forged");
		assertThat(trail.firstBrokenRecord()).contains(first + 2);
		tamper.run("DELETE FROM audit_record WHERE seq = ?", first + 2);
		// a forger who recomputes the hash: the next record no longer links to it
		String previous = (String) saved.get("previous_hash");
		insert(first + 2, previous, hashOf(first + 2, previous, "forged"), "forged");
		assertThat(trail.firstBrokenRecord()).contains(first + 3);
		tamper.run("DELETE FROM audit_record WHERE seq = ?", first + 2);
		restore(saved);
		assertThat(trail.firstBrokenRecord()).isEmpty();
	}

	@Test
	void namesARecordAppendedBehindTheHeadAndALastRecordRewritten() {
		long first = append(3);
		long last = first + 2;
		String lastHash = (String) row(last).get("hash");
		insert(last + 1, lastHash, hashOf(last + 1, lastHash, "forged"), "forged");
		assertThat(trail.firstBrokenRecord()).contains(last + 1);
		tamper.run("DELETE FROM audit_record WHERE seq = ?", last + 1);

		var saved = row(last);
		String previous = (String) saved.get("previous_hash");
		tamper.run("UPDATE audit_record SET details = 'forged', hash = ? WHERE seq = ?", hashOf(last, previous, "forged"),
				last);
		assertThat(trail.firstBrokenRecord()).contains(last);
		tamper.run("DELETE FROM audit_record WHERE seq = ?", last);
		restore(saved);
		assertThat(trail.firstBrokenRecord()).isEmpty();
	}

	@Test
	void keepsTheChainWithAwkwardTextAndReadsRecordsBackNewestFirst() {
		var enterprise = EnterpriseNumber.parse("0123.456.749");
		String awkward = "nul\u0000 tab\t unit\u001f lone\uD800 emoji \uD83D\uDE00 " + "é".repeat(2500);
		trail.record(AuditEvent.of("tester", "AWKWARD", enterprise, awkward));
		trail.record(AuditEvent.of("tester", "AWKWARD_LATER", enterprise, "second"));
		assertThat(trail.firstBrokenRecord()).isEmpty();

		List<AuditRecord> recent = trail.recent(enterprise, 2);
		assertThat(recent).extracting(AuditRecord::action).containsExactly("AWKWARD_LATER", "AWKWARD");
		assertThat(recent.get(1).enterprise()).isEqualTo(enterprise);
		assertThat(recent.get(1).details()).startsWith("nul  tab  unit  lone\uFFFD emoji \uD83D\uDE00 ")
			.hasSize(2000);
		assertThat(recent.get(0).sequence()).isGreaterThan(recent.get(1).sequence());
		assertThatThrownBy(() -> trail.recent(enterprise, 0)).isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void theCommandPrintsTheOutcomeAndAnExitCode() {
		long first = append(2);
		var out = new ByteArrayOutputStream();
		assertThat(command.verify(new PrintStream(out, true, StandardCharsets.UTF_8))).isZero();
		assertThat(out.toString(StandardCharsets.UTF_8)).matches("audit trail intact \\(\\d+ records\\)\\R");

		tamper.run("UPDATE audit_record SET actor = 'someone else' WHERE seq = ?", first);
		out.reset();
		assertThat(command.verify(new PrintStream(out, true, StandardCharsets.UTF_8))).isEqualTo(1);
		assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("audit trail broken at record " + first
				+ System.lineSeparator());
		tamper.run("UPDATE audit_record SET actor = 'tester' WHERE seq = ?", first);
		assertThat(trail.firstBrokenRecord()).isEmpty();
	}

	/** Appends n records (details "record 0" ...) and returns the sequence number of the first. */
	private long append(int n) {
		long first = lastSeq() + 1;
		for (int i = 0; i < n; i++) {
			trail.record(AuditEvent.of("tester", "TAMPER_TEST", null, "record " + i));
		}
		assertThat(lastSeq()).isEqualTo(first + n - 1);
		return first;
	}

	private long lastSeq() {
		return jdbc.sql("SELECT last_seq FROM audit_head WHERE id = 1").query(Long.class).single();
	}

	private Map<String, Object> row(long seq) {
		return jdbc.sql("SELECT * FROM audit_record WHERE seq = ?").param(seq).query().singleRow();
	}

	private void restore(Map<String, Object> row) {
		jdbc.sql("""
				INSERT INTO audit_record (seq, occurred_at, actor, action, enterprise_number, details, previous_hash, hash)
				VALUES (:seq, :occurred_at, :actor, :action, :enterprise_number, :details, :previous_hash, :hash)""")
			.paramSource(row)
			.update();
	}

	private static final Instant FORGED_AT = Instant.parse("2026-01-01T10:00:00Z");

	private void insert(long seq, String previous, String hash, String details) {
		jdbc.sql("""
				INSERT INTO audit_record (seq, occurred_at, actor, action, enterprise_number, details, previous_hash, hash)
				VALUES (?, ?, 'forger', 'FORGED', NULL, ?, ?, ?)""")
			.params(seq, OffsetDateTime.ofInstant(FORGED_AT, java.time.ZoneOffset.UTC), details, previous, hash)
			.update();
	}

	private static String hashOf(long seq, String previous, String details) {
		return RecordHash.of(previous, seq, FORGED_AT, "forger", "FORGED", null, details);
	}
}
