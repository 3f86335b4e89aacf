package be.ebox.elections.internal;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import be.ebox.messages.BulkPublications;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Phase notices and reminders, published as tasks (due date = the milestone's date) in the enterprise's e-Box:
 * a notice {@code noticeDaysBefore} days before each milestone of each dossier, and a reminder
 * {@code reminderDaysBefore} days before it, only while the phase is not confirmed. Neither is sent once the milestone
 * has passed (an import in the middle of the procedure does not flood anyone with past phases). Each is recorded in
 * {@code elections_notice} in the transaction that queues it: whichever instance runs, whenever it runs again, a notice
 * goes out once. Dates are Belgian calendar days from the injected {@link Clock}.
 */
@Service
public class PhaseNotices {

	private static final Logger log = LoggerFactory.getLogger(PhaseNotices.class);

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

	enum Kind {
		NOTICE, REMINDER
	}

	private record Due(Dossier dossier, ElectionCalendar.Phase phase) {
	}

	private record Group(Kind kind, ElectionCalendar.Milestone milestone, LocalDate date) {
	}

	private final Dossiers dossiers;

	private final Calendars calendars;

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transaction;

	private final BulkPublications bulk;

	private final Campaigns campaigns;

	private final CodesCampaign texts;

	private final ElectionsSettings settings;

	private final Clock clock;

	PhaseNotices(Dossiers dossiers, Calendars calendars, JdbcTemplate jdbc, TransactionTemplate transaction,
			BulkPublications bulk, Campaigns campaigns, CodesCampaign texts, ElectionsSettings settings, Clock clock) {
		this.dossiers = dossiers;
		this.calendars = calendars;
		this.jdbc = jdbc;
		this.transaction = transaction;
		this.bulk = bulk;
		this.campaigns = campaigns;
		this.texts = texts;
		this.settings = settings;
		this.clock = clock;
	}

	@Scheduled(fixedDelayString = "${ebox.elections.scheduler-interval}", initialDelayString = "PT1M")
	void scheduled() {
		int queued = sendDue("scheduler");
		if (queued > 0) {
			log.info("Social elections: {} phase notices and reminders queued", queued);
		}
	}

	/** @return how many notices and reminders were queued now */
	public int sendDue(String actor) {
		LocalDate today = Dossiers.today(clock);
		var confirmed = pairs("SELECT dossier_number, milestone FROM elections_confirmation");
		var sent = pairs("SELECT dossier_number, milestone || '/' || kind FROM elections_notice");
		var calendarsByYear = new java.util.HashMap<Integer, java.util.Optional<ElectionCalendar>>();
		var groups = new LinkedHashMap<Group, List<Due>>();
		for (Dossier dossier : dossiers.all()) {
			var calendar = calendarsByYear.computeIfAbsent(dossier.year(), calendars::of);
			if (calendar.isEmpty() || !calendar.get().inWindow(dossier.electionDay())) {
				continue;
			}
			for (var phase : calendar.get().phases(dossier.electionDay())) {
				String code = phase.milestone().code();
				if (confirmed.contains(dossier.number() + "|" + code) || today.isAfter(phase.date())) {
					continue;
				}
				for (Kind kind : Kind.values()) {
					int daysBefore = kind == Kind.NOTICE ? settings.noticeDaysBefore : settings.reminderDaysBefore;
					if (!today.isBefore(phase.date().minusDays(daysBefore))
							&& !sent.contains(dossier.number() + "|" + code + "/" + kind)) {
						groups.computeIfAbsent(new Group(kind, phase.milestone(), phase.date()), g -> new ArrayList<>())
							.add(new Due(dossier, phase));
					}
				}
			}
		}
		int queued = 0;
		for (var group : groups.entrySet()) {
			queued += transaction.execute(status -> queue(group.getKey(), group.getValue(), actor));
		}
		return queued;
	}

	private int queue(Group group, List<Due> due, String actor) {
		var now = OffsetDateTime.now(clock);
		// another instance may have queued some of them meanwhile: only the rows this transaction inserts are sent
		int[][] inserted = jdbc.batchUpdate("""
				INSERT INTO elections_notice (dossier_number, milestone, kind, sent_at) VALUES (?, ?, ?, ?)
				ON CONFLICT DO NOTHING""", due, 1000, (ps, d) -> {
			ps.setString(1, d.dossier().number());
			ps.setString(2, group.milestone().code());
			ps.setString(3, group.kind().name());
			ps.setObject(4, now);
		});
		var mine = new ArrayList<Due>();
		int index = 0;
		for (int[] batch : inserted) {
			for (int count : batch) {
				if (count != 0) {
					mine.add(due.get(index));
				}
				index++;
			}
		}
		if (mine.isEmpty()) {
			return 0;
		}
		var csv = new StringBuilder("enterpriseNumber,dossier,unit,date,phaseNl,phaseFr,phaseDe,phaseEn\n");
		var m = group.milestone();
		for (Due d : mine) {
			csv.append(d.dossier().enterprise().digits())
				.append(',')
				.append(Campaigns.csv(d.dossier().number()))
				.append(',')
				.append(Campaigns.csv(d.dossier().unitName()))
				.append(',')
				.append(DAY.format(group.date()))
				.append(',')
				.append(String.join(",", Campaigns.csv(m.nameNl()), Campaigns.csv(m.nameFr()), Campaigns.csv(m.nameDe()),
						Campaigns.csv(m.nameEn())))
				.append('\n');
		}
		String prefix = group.kind() == Kind.NOTICE ? "elections.notice" : "elections.reminder";
		var template = new BulkPublications.Template(settings.application, settings.phaseType,
				texts.contents(prefix + ".subject", prefix + ".body"), true, List.of(), null, null, group.date(), false,
				actor);
		var job = bulk.start(new BulkPublications.Request(template, BulkPublications.Format.CSV,
				new ByteArrayInputStream(csv.toString().getBytes(StandardCharsets.UTF_8)), Map.of()));
		jdbc.batchUpdate("UPDATE elections_notice SET job_id = ? WHERE dossier_number = ? AND milestone = ? AND kind = ?",
				mine, 1000, (ps, d) -> {
					ps.setObject(1, job.value());
					ps.setString(2, d.dossier().number());
					ps.setString(3, m.code());
					ps.setString(4, group.kind().name());
				});
		campaigns.record(group.kind() == Kind.NOTICE ? Campaigns.Kind.NOTICE : Campaigns.Kind.REMINDER, job, mine.size(),
				actor);
		return mine.size();
	}

	private Set<String> pairs(String sql) {
		return new HashSet<>(jdbc.query(sql, (rs, n) -> rs.getString(1) + "|" + rs.getString(2)));
	}
}
