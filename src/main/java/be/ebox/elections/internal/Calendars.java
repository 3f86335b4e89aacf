package be.ebox.elections.internal;

import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads the election years and their milestones (tables {@code elections_year}, {@code elections_milestone}). */
@Repository
public class Calendars {

	private final JdbcClient jdbc;

	Calendars(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Optional<ElectionCalendar> of(int year) {
		var milestones = jdbc.sql("""
				SELECT code, position, anchor, offset_days, name_nl, name_fr, name_de, name_en
				FROM elections_milestone WHERE election_year = ? ORDER BY position""")
			.param(year)
			.query((rs, n) -> new ElectionCalendar.Milestone(rs.getString("code"), rs.getInt("position"),
					ElectionCalendar.Anchor.valueOf(rs.getString("anchor").strip()), rs.getInt("offset_days"),
					rs.getString("name_nl"), rs.getString("name_fr"), rs.getString("name_de"), rs.getString("name_en")))
			.list();
		return jdbc.sql("SELECT window_start, window_end FROM elections_year WHERE election_year = ?")
			.param(year)
			.query((rs, n) -> new ElectionCalendar(year, rs.getObject(1, java.time.LocalDate.class),
					rs.getObject(2, java.time.LocalDate.class), milestones))
			.optional();
	}

	public List<ElectionCalendar> all() {
		return jdbc.sql("SELECT election_year FROM elections_year ORDER BY election_year")
			.query(Integer.class)
			.list()
			.stream()
			.map(year -> of(year).orElseThrow())
			.toList();
	}
}
