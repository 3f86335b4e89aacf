package be.ebox.registry.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import be.ebox.registry.ImportStatus.ImportError;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class KboCsvReaderTest {

	private final List<KboRow> rows = new ArrayList<>();

	private final List<ImportError> errors = new ArrayList<>();

	private void read(KboFile file, String content) throws IOException {
		KboCsvReader.read(file, file.fileName(), new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)),
				new KboCsvReader.Sink() {
					@Override
					public void row(KboRow row) {
						rows.add(row);
					}

					@Override
					public void error(String fileName, long line, String reason) {
						errors.add(new ImportError(fileName, line, reason));
					}
				});
	}

	@Test
	void readsQuotedFieldsEmbeddedCommasAndQuotesAndEmptyFields() throws IOException {
		read(KboFile.DENOMINATION, """
				"EntityNumber","Language","TypeOfDenomination","Denomination"
				"0200.065.765","2","001","Café ""De Kroon"", Gent"
				"2.000.000.339","1","003","Le Comptoir"
				""");
		assertThat(errors).isEmpty();
		assertThat(rows).containsExactly(new KboRow.DenominationRow("0200065765", "2", "001", "Café \"De Kroon\", Gent"),
				new KboRow.DenominationRow("2000000339", "1", "003", "Le Comptoir"));
	}

	@Test
	void parsesDatesAndTurnsEmptyFieldsIntoNull() throws IOException {
		read(KboFile.ENTERPRISE, """
				"EnterpriseNumber","Status","JuridicalSituation","TypeOfEnterprise","JuridicalForm","JuridicalFormCAC","StartDate"
				"0200.065.765","AC","000","2","416",,09-08-1960
				"0200.065.765","AC","000","1",,"",
				""");
		assertThat(errors).isEmpty();
		assertThat(rows).containsExactly(
				new KboRow.EnterpriseRow("0200065765", "AC", "000", "2", "416", null, LocalDate.of(1960, 8, 9)),
				new KboRow.EnterpriseRow("0200065765", "AC", "000", "1", null, null, null));
	}

	@Test
	void reportsMalformedLinesWithFileAndLineAndGoesOn() throws IOException {
		read(KboFile.ENTERPRISE, """
				"EnterpriseNumber","Status","JuridicalSituation","TypeOfEnterprise","JuridicalForm","JuridicalFormCAC","StartDate"
				"0200.065.765","AC","000","2","416",,09-08-1960
				"0200.065.766","AC","000","2","416",,09-08-1960
				"0200.065.765","AC","000","2","416",09-08-1960
				"0200.065.765","AC","000","2","416",,31-02-1960
				"0200.065.765","AC","000","2","416",,1960-08-09
				"abc","AC","000","2","416",,09-08-1960
				"0200.065.765","","000","2","416",,09-08-1960

				"0200.065.765","AC","000","2","416",,10-08-1960
				""");
		assertThat(rows).hasSize(2);
		assertThat(errors).extracting(ImportError::line).containsExactly(3L, 4L, 5L, 6L, 7L, 8L);
		assertThat(errors).allSatisfy(error -> assertThat(error.file()).isEqualTo("enterprise.csv"));
		assertThat(errors.get(0).reason()).contains("check digits");
		assertThat(errors.get(1).reason()).contains("expected 7 columns, found 6");
		assertThat(errors.get(2).reason()).contains("StartDate").contains("31-02-1960");
		assertThat(errors.get(3).reason()).contains("dd-MM-yyyy");
		assertThat(errors.get(4).reason()).contains("EnterpriseNumber");
		assertThat(errors.get(5).reason()).contains("Status is empty");
	}

	@Test
	void checksEstablishmentNumbersWithTheSameRule() throws IOException {
		read(KboFile.ESTABLISHMENT, """
				"EstablishmentNumber","StartDate","EnterpriseNumber"
				"2.000.000.339",01-11-1974,"0403.449.823"
				"2.000.000.338",01-11-1974,"0403.449.823"
				"0.000.000.339",01-11-1974,"0403.449.823"
				""");
		assertThat(rows).containsExactly(new KboRow.EstablishmentRow("2000000339", LocalDate.of(1974, 11, 1), "0403449823"));
		assertThat(errors).extracting(ImportError::line).containsExactly(3L, 4L);
		assertThat(errors.get(0).reason()).contains("check digits");
	}

	@Test
	void rejectsAFileWithAnUnknownHeader() throws IOException {
		read(KboFile.ADDRESS, """
				"EntityNumber","Street"
				"0200.065.765","Eikstraat"
				""");
		assertThat(rows).isEmpty();
		assertThat(errors).singleElement().satisfies(error -> {
			assertThat(error.line()).isEqualTo(1);
			assertThat(error.reason()).contains("unknown file structure");
		});
	}

	@Test
	void acceptsAByteOrderMarkAndSkipsTheRestAfterAnUnbalancedQuote() throws IOException {
		read(KboFile.DENOMINATION, "\uFEFF\"EntityNumber\",\"Language\",\"TypeOfDenomination\",\"Denomination\"\n"
				+ "\"0200.065.765\",\"2\",\"001\",\"Veneco\"\n"
				+ "\"0200.065.765\",\"2\",\"001\",\"Broken\n");
		assertThat(rows).hasSize(1);
		assertThat(errors).singleElement().satisfies(error -> assertThat(error.line()).isEqualTo(3));
	}

	@Test
	void countsLinesOfQuotedFieldsThatSpanLines() throws IOException {
		read(KboFile.DENOMINATION, """
				"EntityNumber","Language","TypeOfDenomination","Denomination"
				"0200.065.765","2","001","Two
				lines"
				"0200.065.766","2","001","Bad"
				""");
		assertThat(rows).hasSize(1);
		assertThat(errors).singleElement().satisfies(error -> assertThat(error.line()).isEqualTo(4));
	}
}
