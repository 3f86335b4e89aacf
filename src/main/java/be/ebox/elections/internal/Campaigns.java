package be.ebox.elections.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import be.ebox.messages.BulkPublications;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The campaigns started for the social elections, each a bulk publication job whose progress the console shows. */
@Repository
public class Campaigns {

	public enum Kind {
		CODES, BROCHURE, NOTICE, REMINDER
	}

	/** @param status the job's progress, empty when the job is gone */
	public record Campaign(UUID id, Kind kind, BulkPublications.JobId job, int messages, Instant startedAt,
			String startedBy, Optional<BulkPublications.Status> status) {

		public int percent() {
			return status.map(s -> s.total() == 0 ? 100 : (int) ((s.done() + s.failed()) * 100 / s.total())).orElse(0);
		}

		public boolean done() {
			return status.map(s -> s.state() == BulkPublications.State.DONE).orElse(false);
		}
	}

	private final JdbcClient jdbc;

	private final BulkPublications bulk;

	private final ElectionsSettings settings;

	private final Clock clock;

	Campaigns(JdbcClient jdbc, BulkPublications bulk, ElectionsSettings settings, Clock clock) {
		this.jdbc = jdbc;
		this.bulk = bulk;
		this.settings = settings;
		this.clock = clock;
	}

	UUID record(Kind kind, BulkPublications.JobId job, int messages, String startedBy) {
		UUID id = UUID.randomUUID();
		jdbc.sql("""
				INSERT INTO elections_campaign (id, kind, job_id, messages, started_at, started_by)
				VALUES (?, ?, ?, ?, ?, ?)""")
			.params(id, kind.name(), job.value(), messages, OffsetDateTime.now(clock), startedBy)
			.update();
		return id;
	}

	public List<Campaign> recent(int limit) {
		return jdbc.sql("""
				SELECT id, kind, job_id, messages, started_at, started_by FROM elections_campaign
				ORDER BY started_at DESC LIMIT ?""")
			.param(limit)
			.query((rs, n) -> {
				var job = new BulkPublications.JobId(rs.getObject("job_id", UUID.class));
				return new Campaign(rs.getObject("id", UUID.class), Kind.valueOf(rs.getString("kind")), job,
						rs.getInt("messages"), rs.getObject("started_at", OffsetDateTime.class).toInstant(),
						rs.getString("started_by"), bulk.status(settings.application, job));
			})
			.list();
	}

	public Optional<Campaign> find(UUID id) {
		return recent(1000).stream().filter(c -> c.id().equals(id)).findFirst();
	}

	/** Doubles quotes and quotes every value: names hold commas and quotes. */
	static String csv(String value) {
		return "\"" + value.replace("\"", "\"\"") + "\"";
	}
}
