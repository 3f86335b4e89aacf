package be.ebox.system;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The COPY text format: what PostgreSQL reads back as exactly the values written. */
class CopyRowsTest {

	@Test
	void escapesWhatTheFormatReservesAndEncodesUtf8() {
		UUID id = UUID.fromString("3f2504e0-4f89-11d3-9a0c-0305e82c3301");
		var rows = new CopyRows().plain(id)
			.text("tab\there\nnew line\r\\back")
			.text(null)
			.text("Société «Élan», Liège, Straße, ı, 😀, \uD800")
			.bool(true)
			.bool(false)
			.instant(Instant.parse("2026-11-29T09:00:00.123456Z"))
			.date(null)
			.date(LocalDate.of(2026, 12, 31))
			.plain(42L)
			.endRow()
			.text("")
			.endRow();

		assertThat(rows.toString()).isEqualTo(id + "\ttab\\there\\nnew line\\r\\\\back\t\\N\t"
				+ "Société «Élan», Liège, Straße, ı, 😀, \uFFFD\tt\tf\t2026-11-29T09:00:00.123456Z\t\\N\t2026-12-31\t42\n"
				+ "\n");
	}

	@Test
	void growsForLongValuesAndStartsAgainWhenCleared() {
		var rows = new CopyRows();
		String long1 = "é".repeat(100_000);
		rows.text(long1).endRow();
		assertThat(rows.toString()).isEqualTo(long1 + "\n");
		rows.clear();
		assertThat(rows.isEmpty()).isTrue();
		rows.text("a").text("b").endRow();
		assertThat(rows).hasToString("a\tb\n");
	}

	@Test
	void writesUuidsAndInstantsAsTheirCanonicalText() {
		var rows = new CopyRows();
		var random = new java.util.Random(7);
		var expected = new StringBuilder();
		Instant[] instants = { Instant.parse("2026-11-29T09:00:00Z"), Instant.parse("2026-11-29T09:00:00.000001Z"),
				Instant.parse("2027-05-31T22:00:00Z"), Instant.EPOCH, Instant.parse("1999-12-31T23:59:59.5Z"),
				Instant.parse("2026-11-29T09:00:00Z").plusNanos(7) };
		for (int i = 0; i < 200; i++) {
			var id = new UUID(random.nextLong(), random.nextLong());
			Instant at = instants[random.nextInt(instants.length)];
			rows.uuid(id).instant(at).uuid(i % 50 == 0 ? null : id).endRow();
			expected.append(id).append('\t').append(at).append('\t').append(i % 50 == 0 ? "\\N" : id).append('\n');
		}
		assertThat(rows).hasToString(expected.toString());
	}
}
