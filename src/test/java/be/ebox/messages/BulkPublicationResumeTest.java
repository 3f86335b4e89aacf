package be.ebox.messages;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import be.ebox.EboxApplication;
import be.ebox.registry.EnterpriseNumber;
import be.ebox.senders.DemoReferenceData;
import be.ebox.senders.MessageTypeId;
import be.ebox.senders.SenderApplicationId;
import be.ebox.testsupport.TestEnterprises;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A bulk job whose instance stops in the middle of a chunk: the chunk's uncommitted messages disappear with it, and
 * another instance (a second application context on the same database) resumes where the first stopped and ends
 * with exactly one message per line.
 */
class BulkPublicationResumeTest {

	static final int LINES = 100;

	static final int CHUNK = 10;

	/**
	 * The event of this chunk's messages (the second chunk this instance publishes: written, not committed) never
	 * returns: the instance stops while it waits, in the middle of the chunk's transaction.
	 */
	static final int STOP_AT = 2;

	@Test
	void aJobStoppedMidChunkResumesOnAnotherInstanceAndPublishesEveryLineOnce() throws Exception {
		String tag = UUID.randomUUID().toString();
		var stuck = new CountDownLatch(1);
		var seen = new AtomicInteger();
		// the type is checked here: a lambda's generic type cannot be seen, so it is called for every event
		ApplicationListener<ApplicationEvent> crash = event -> {
			if (event instanceof PayloadApplicationEvent<?> published && published.getPayload() instanceof MessagesPublished
					&& seen.incrementAndGet() == STOP_AT) {
				stuck.countDown();
				try {
					new CountDownLatch(1).await();
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					throw new IllegalStateException("the instance stops in the middle of a chunk");
				}
			}
		};
		BulkPublications.JobId id;
		try (var first = instance(1, crash)) {
			assertThat(first.getEnvironment().getProperty("spring.datasource.url")).as("a database of this test alone")
				.contains(RUN);
			JdbcClient jdbc = first.getBean(JdbcClient.class);
			first.getBean(DemoReferenceData.class).install("demo-secret-for-tests");
			var enterprises = new TestEnterprises(jdbc);
			var csv = new StringBuilder("enterpriseNumber,tag,ref\n");
			for (int i = 1; i <= LINES; i++) {
				EnterpriseNumber recipient = i % 10 == 0 ? enterprises.legalPerson("R" + i, "R" + i)
						: enterprises.legalPerson("Entreprise " + i, "Onderneming " + i);
				csv.append(recipient.digits()).append(',').append(tag).append(",line-").append(i).append('\n');
			}
			var template = new BulkPublications.Template(new SenderApplicationId(DemoReferenceData.APPLICATION),
					new MessageTypeId(DemoReferenceData.UNPROTECTED_TYPE),
					Map.of("nl", new Message.Content("nl", "Hervat {{tag}} {{ref}}", "Tekst {{ref}}")), true, List.of(),
					null, null, null, false, "resume-test");
			id = first.getBean(BulkPublications.class).start(new BulkPublications.Request(template,
					BulkPublications.Format.CSV, new ByteArrayInputStream(csv.toString().getBytes(StandardCharsets.UTF_8)),
					Map.of()));
			assertThat(stuck.await(60, TimeUnit.SECONDS)).as("the worker reached chunk " + STOP_AT).isTrue();
			first.stop(); // the workers stop at once (no grace): the chunk in progress is interrupted
			long committed = published(jdbc, tag);
			assertThat(committed % CHUNK).as("whole chunks only: %d messages", committed).isZero();
			assertThat(committed).as("not the chunk in progress").isLessThan(LINES);
		}

		try (var second = instance(2, null)) {
			var bulk = second.getBean(BulkPublications.class);
			var application = new SenderApplicationId(DemoReferenceData.APPLICATION);
			Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
			BulkPublications.Status status;
			while ((status = bulk.status(application, id).orElseThrow()).state() != BulkPublications.State.DONE) {
				assertThat(Instant.now()).as(status.toString()).isBefore(deadline);
				Thread.sleep(100);
			}
			assertThat(status.total()).isEqualTo(LINES);
			assertThat(status.done()).isEqualTo(LINES);
			assertThat(status.failed()).isZero();
			JdbcClient db = second.getBean(JdbcClient.class);
			assertThat(published(db, tag)).isEqualTo(LINES);
			assertThat(db.sql("SELECT COUNT(DISTINCT subject) FROM message_content WHERE subject LIKE ?")
				.param("Hervat " + tag + " %").query(Long.class).single()).as("every line once").isEqualTo(LINES);
			assertThat(db.sql("""
					SELECT COUNT(*) FROM notification_alert a JOIN message_content c ON c.message_id = a.message_id
					WHERE c.subject LIKE ?""").param("Hervat " + tag + " %").query(Long.class).single())
				.as("one NEW alert per message, written (and rolled back) with its chunk").isEqualTo(LINES);
			// the database of this test alone goes with it: an H2 in-memory database would stay until the JVM ends
			if (System.getenv("EBOX_TEST_POSTGRES_URL") != null) {
				// extensions belong to the whole database: those this schema's migration created (pg_trgm, btree_gin)
				// move out first, else the CASCADE drops them with the other contexts' indexes built on them
				db.sql("""
						DO $$ DECLARE e record; BEGIN
							FOR e IN SELECT x.extname FROM pg_extension x JOIN pg_namespace n ON n.oid = x.extnamespace
								WHERE n.nspname = current_schema() LOOP
								EXECUTE format('ALTER EXTENSION %I SET SCHEMA public', e.extname);
							END LOOP;
						END $$""").update();
				db.sql("DROP SCHEMA " + SCHEMA + " CASCADE").update();
			}
			else {
				db.sql("DROP ALL OBJECTS").update();
			}
		}
	}

	/**
	 * A database of this test alone (H2: its own in-memory database; PostgreSQL: its own schema, dropped at the end):
	 * the other test contexts of the run are instances too, and their workers would publish the chunks first.
	 */
	static final String RUN = UUID.randomUUID().toString().substring(0, 8);

	static final String SCHEMA = "bulk_resume_" + RUN;

	static final String[] DATABASE = database();

	private static String[] database() {
		String postgres = System.getenv("EBOX_TEST_POSTGRES_URL");
		if (postgres == null || postgres.isBlank()) {
			return new String[] { "spring.datasource.url=jdbc:h2:mem:ebox-bulk-resume-" + RUN
					+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1" };
		}
		return new String[] { "spring.datasource.url=" + postgres + (postgres.contains("?") ? "&" : "?")
				+ "currentSchema=" + SCHEMA, "spring.flyway.schemas=" + SCHEMA, "spring.flyway.default-schema=" + SCHEMA };
	}

	private static long published(JdbcClient jdbc, String tag) {
		return jdbc.sql("SELECT COUNT(*) FROM message_content WHERE subject LIKE ?")
			.param("Hervat " + tag + " %")
			.query(Long.class)
			.single();
	}

	/**
	 * The settings go as command-line arguments: default properties ({@code SpringApplicationBuilder.properties}) rank
	 * below the configuration files, so the test configuration's {@code spring.datasource.url} (the shared
	 * {@code ebox-test} database of every other test context) and {@code ebox.bulk.*} of application.yml won over them.
	 * The two instances then ran on the shared database with the default chunk size: every later test context found
	 * rows and half-finished jobs it did not expect.
	 */
	private static ConfigurableApplicationContext instance(int workers, ApplicationListener<?> listener) {
		var builder = new SpringApplicationBuilder(EboxApplication.class);
		if (listener != null) {
			builder.listeners(listener);
		}
		var args = new java.util.ArrayList<String>();
		for (String setting : DATABASE) {
			args.add("--" + setting);
		}
		args.addAll(List.of("--server.port=0", "--ebox.bulk.workers=" + workers, "--ebox.bulk.chunk-lines=" + CHUNK,
				"--ebox.bulk.poll-interval=100ms", "--ebox.bulk.stop-grace=0s", "--spring.jmx.enabled=false"));
		return builder.run(args.toArray(String[]::new));
	}
}
