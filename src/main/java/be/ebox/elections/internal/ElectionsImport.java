package be.ebox.elections.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import be.ebox.registry.EnterpriseNumber;
import be.ebox.registry.EnterpriseRegistry;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports the social elections database from CSV, one line per consultation body:
 * {@code enterpriseNumber,enterpriseName,language,unit,unitName,body,electionDay}. All or nothing: every line is
 * checked first, and when one is wrong nothing is written and every wrong line is reported (line number + reason);
 * otherwise everything is written in one transaction. A second import of the same file changes nothing; a body already
 * in the database keeps its dossier number and codes.
 */
@Service
public class ElectionsImport {

	static final List<String> COLUMNS = List.of("enterpriseNumber", "enterpriseName", "language", "unit", "unitName",
			"body", "electionDay");

	/** At most this many errors are reported: the rest of a wholly wrong file would only bury the first ones. */
	static final int MAX_ERRORS = 100;

	private static final Pattern UNIT_CODE = Pattern.compile("[A-Za-z0-9._-]{1,20}");

	private static final Set<String> LANGUAGES = Set.of("nl", "fr", "de", "en");

	private static final DateTimeFormatter BELGIAN_DATE = DateTimeFormatter.ofPattern("dd/MM/uuuu");

	/** A wrong line; {@code code} is a message key under {@code elections.import.error.}, with its arguments. */
	public record LineError(long line, String code, List<Object> arguments) {
	}

	/** Either the counts of what is in the file, or the errors (nothing written). */
	public record Outcome(int enterprises, int units, int bodies, int newBodies, List<LineError> errors) {

		public boolean accepted() {
			return errors.isEmpty();
		}
	}

	record Line(long line, EnterpriseNumber enterprise, String name, String language, String unit, String unitName,
			ConsultationBody body, LocalDate electionDay, int year) {
	}

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transaction;

	private final Calendars calendars;

	private final EnterpriseRegistry registry;

	private final Clock clock;

	ElectionsImport(JdbcTemplate jdbc, TransactionTemplate transaction, Calendars calendars,
			EnterpriseRegistry registry, Clock clock) {
		this.jdbc = jdbc;
		this.transaction = transaction;
		this.calendars = calendars;
		this.registry = registry;
		this.clock = clock;
	}

	public Outcome importCsv(InputStream csv) {
		var errors = new ArrayList<LineError>();
		var lines = read(csv, errors);
		if (errors.isEmpty()) {
			checkConsistency(lines, errors);
		}
		if (!errors.isEmpty()) {
			return new Outcome(0, 0, 0, 0, List.copyOf(errors.subList(0, Math.min(errors.size(), MAX_ERRORS))));
		}
		int newBodies = transaction.execute(status -> write(lines));
		return new Outcome((int) lines.stream().map(Line::enterprise).distinct().count(),
				(int) lines.stream().map(l -> l.enterprise().digits() + "/" + l.unit()).distinct().count(), lines.size(),
				newBodies, List.of());
	}

	private List<Line> read(InputStream csv, List<LineError> errors) {
		var lines = new ArrayList<Line>();
		var years = new HashMap<Integer, java.util.Optional<ElectionCalendar>>();
		try (Reader reader = withoutBom(new InputStreamReader(csv, StandardCharsets.UTF_8));
				var parser = CSVFormat.DEFAULT.builder()
					.setHeader()
					.setSkipHeaderRecord(true)
					.setIgnoreEmptyLines(true)
					.setTrim(true)
					.get()
					.parse(reader)) {
			if (!parser.getHeaderNames().containsAll(COLUMNS)) {
				errors.add(new LineError(1, "header", List.of(String.join(",", COLUMNS))));
				return lines;
			}
			for (CSVRecord record : parser) {
				long line = record.getRecordNumber() + 1;
				if (errors.size() > MAX_ERRORS) {
					break;
				}
				if (!record.isConsistent()) {
					errors.add(new LineError(line, "columns", List.of(record.size(), parser.getHeaderNames().size())));
					continue;
				}
				parse(line, record, years, errors).ifPresent(lines::add);
			}
		}
		catch (IOException | java.io.UncheckedIOException | IllegalStateException ex) {
			// the parser's message may quote the file: report the position only
			errors.add(new LineError(lines.size() + 2, "unreadable", List.of()));
		}
		if (lines.isEmpty() && errors.isEmpty()) {
			errors.add(new LineError(1, "empty", List.of()));
		}
		if (errors.isEmpty()) {
			var known = registry.existing(lines.stream().map(Line::enterprise).distinct().toList());
			lines.stream()
				.filter(l -> !known.contains(l.enterprise()))
				.forEach(l -> errors.add(new LineError(l.line(), "notInRegistry", List.of(l.enterprise().formatted()))));
		}
		return lines;
	}

	private java.util.Optional<Line> parse(long line, CSVRecord record,
			Map<Integer, java.util.Optional<ElectionCalendar>> years, List<LineError> errors) {
		int before = errors.size();
		String number = record.get("enterpriseNumber");
		if (!EnterpriseNumber.isValid(number)) {
			errors.add(new LineError(line, "enterpriseNumber", List.of(number)));
		}
		String name = record.get("enterpriseName");
		if (name.isEmpty() || name.length() > 200) {
			errors.add(new LineError(line, "enterpriseName", List.of()));
		}
		String language = record.get("language").toLowerCase(java.util.Locale.ROOT);
		if (!LANGUAGES.contains(language)) {
			errors.add(new LineError(line, "language", List.of(record.get("language"))));
		}
		String unit = record.get("unit");
		if (!UNIT_CODE.matcher(unit).matches()) {
			errors.add(new LineError(line, "unit", List.of(unit)));
		}
		String unitName = record.get("unitName");
		if (unitName.isEmpty() || unitName.length() > 200) {
			errors.add(new LineError(line, "unitName", List.of()));
		}
		var body = ConsultationBody.parse(record.get("body"));
		if (body.isEmpty()) {
			errors.add(new LineError(line, "body", List.of(record.get("body"))));
		}
		LocalDate day = date(record.get("electionDay"));
		if (day == null) {
			errors.add(new LineError(line, "electionDay", List.of(record.get("electionDay"))));
		}
		else {
			var calendar = years.computeIfAbsent(day.getYear(), calendars::of);
			if (calendar.isEmpty()) {
				errors.add(new LineError(line, "noElectionYear", List.of(day.getYear())));
			}
			else if (!calendar.get().inWindow(day)) {
				errors.add(new LineError(line, "outsideWindow",
						List.of(day.toString(), calendar.get().windowStart().toString(), calendar.get().windowEnd().toString())));
			}
		}
		if (errors.size() > before) {
			return java.util.Optional.empty();
		}
		return java.util.Optional.of(new Line(line, EnterpriseNumber.parse(number), name, language, unit, unitName,
				body.get(), day, day.getYear()));
	}

	/** Spreadsheets save UTF-8 with a byte order mark; it is not part of the first column's name. */
	private static Reader withoutBom(Reader reader) throws IOException {
		var pushback = new java.io.PushbackReader(reader, 1);
		int first = pushback.read();
		if (first != -1 && first != '\uFEFF') {
			pushback.unread(first);
		}
		return pushback;
	}

	private static LocalDate date(String text) {
		for (var format : List.of(DateTimeFormatter.ISO_LOCAL_DATE, BELGIAN_DATE)) {
			try {
				return LocalDate.parse(text, format);
			}
			catch (DateTimeParseException ex) {
				// try the next format
			}
		}
		return null;
	}

	/** One enterprise has one name and language; one unit one election day; a body appears once. */
	private static void checkConsistency(List<Line> lines, List<LineError> errors) {
		var enterprises = new HashMap<EnterpriseNumber, Line>();
		var units = new HashMap<String, Line>();
		var bodies = new HashSet<String>();
		for (Line line : lines) {
			Line first = enterprises.putIfAbsent(line.enterprise(), line);
			if (first != null && (!first.name().equals(line.name()) || !first.language().equals(line.language()))) {
				errors.add(new LineError(line.line(), "enterpriseDiffers", List.of(first.line())));
			}
			String unitKey = line.enterprise().digits() + "/" + line.unit();
			Line firstOfUnit = units.putIfAbsent(unitKey, line);
			if (firstOfUnit != null
					&& (!firstOfUnit.electionDay().equals(line.electionDay()) || !firstOfUnit.unitName().equals(line.unitName()))) {
				errors.add(new LineError(line.line(), "unitDiffers", List.of(firstOfUnit.line())));
			}
			if (!bodies.add(unitKey + "/" + line.body())) {
				errors.add(new LineError(line.line(), "duplicateBody", List.of()));
			}
		}
	}

	private int write(List<Line> lines) {
		var now = OffsetDateTime.now(clock);
		var enterprises = new LinkedHashMap<EnterpriseNumber, Line>();
		var units = new LinkedHashMap<String, Line>();
		lines.forEach(l -> {
			enterprises.putIfAbsent(l.enterprise(), l);
			units.putIfAbsent(l.enterprise().digits() + "/" + l.unit(), l);
		});
		// insert what is new, then bring every row to the file's values: portable (H2 and PostgreSQL), two batches
		jdbc.batchUpdate("""
				INSERT INTO elections_enterprise (enterprise_number, election_year, name, language, imported_at)
				VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""", enterprises.values(), 1000, (ps, l) -> {
			ps.setString(1, l.enterprise().digits());
			ps.setInt(2, l.year());
			ps.setString(3, l.name());
			ps.setString(4, l.language());
			ps.setObject(5, now);
		});
		jdbc.batchUpdate("""
				UPDATE elections_enterprise SET election_year = ?, name = ?, language = ?, imported_at = ?
				WHERE enterprise_number = ?""", enterprises.values(), 1000, (ps, l) -> {
			ps.setInt(1, l.year());
			ps.setString(2, l.name());
			ps.setString(3, l.language());
			ps.setObject(4, now);
			ps.setString(5, l.enterprise().digits());
		});
		jdbc.batchUpdate("""
				INSERT INTO elections_unit (enterprise_number, unit_code, name, election_day) VALUES (?, ?, ?, ?)
				ON CONFLICT DO NOTHING""", units.values(), 1000, (ps, l) -> {
			ps.setString(1, l.enterprise().digits());
			ps.setString(2, l.unit());
			ps.setString(3, l.unitName());
			ps.setObject(4, l.electionDay());
		});
		jdbc.batchUpdate("UPDATE elections_unit SET name = ?, election_day = ? WHERE enterprise_number = ? AND unit_code = ?",
				units.values(), 1000, (ps, l) -> {
					ps.setString(1, l.unitName());
					ps.setObject(2, l.electionDay());
					ps.setString(3, l.enterprise().digits());
					ps.setString(4, l.unit());
				});
		var existing = new HashSet<String>(jdbc.query(
				"SELECT enterprise_number, unit_code, kind FROM elections_body",
				(rs, n) -> rs.getString(1) + "/" + rs.getString(2) + "/" + rs.getString(3)));
		var fresh = lines.stream()
			.filter(l -> !existing.contains(l.enterprise().digits() + "/" + l.unit() + "/" + l.body()))
			.toList();
		var byYear = new HashMap<Integer, List<Line>>();
		fresh.forEach(l -> byYear.computeIfAbsent(l.year(), y -> new ArrayList<>()).add(l));
		byYear.forEach((year, bodies) -> {
			// the UPDATE locks the year's row: two imports at once hand out distinct serials
			jdbc.update("UPDATE elections_year SET last_serial = last_serial + ? WHERE election_year = ?", bodies.size(), year);
			int last = jdbc.queryForObject("SELECT last_serial FROM elections_year WHERE election_year = ?", Integer.class, year);
			int first = last - bodies.size() + 1;
			var numbered = new ArrayList<Map.Entry<String, Line>>();
			for (int i = 0; i < bodies.size(); i++) {
				numbered.add(Map.entry(Dossiers.dossierNumber(year, first + i), bodies.get(i)));
			}
			jdbc.batchUpdate("""
					INSERT INTO elections_body (dossier_number, enterprise_number, unit_code, kind) VALUES (?, ?, ?, ?)""",
					numbered, 1000, (ps, e) -> {
						ps.setString(1, e.getKey());
						ps.setString(2, e.getValue().enterprise().digits());
						ps.setString(3, e.getValue().unit());
						ps.setString(4, e.getValue().body().name());
					});
		});
		return fresh.size();
	}
}
