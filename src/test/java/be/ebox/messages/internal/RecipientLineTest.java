package be.ebox.messages.internal;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Reading recipient lines and filling in variables, as a sender's file and template would have them. */
class RecipientLineTest {

	@Test
	void valuesAreInsertedAsPlainTextNeverEvaluated() {
		assertThat(Placeholders.fill("Beste {{name}}, {{ name }} ({{ref}})",
				Map.of("name", "{{ref}} $1 \\ ${x}", "ref", "R-1")))
			.isEqualTo("Beste {{ref}} $1 \\ ${x}, {{ref}} $1 \\ ${x} (R-1)");
		assertThat(Placeholders.fill("No variables {{ }} {{1x}}", Map.of())).isEqualTo("No variables {{ }} {{1x}}");
		assertThatThrownBy(() -> Placeholders.fill("Dear {{name}}", Map.of()))
			.isInstanceOf(Placeholders.MissingVariable.class)
			.hasMessageContaining("{{name}}");
	}

	@Test
	void csvValuesMayBeQuotedButNotSpanLines() {
		assertThat(RecipientLine.splitCsv("a,\"b, \"\"c\"\"\",,d")).containsExactly("a", "b, \"c\"", "", "d");
		assertThatThrownBy(() -> RecipientLine.splitCsv("a,\"open")).isInstanceOf(RecipientLine.Malformed.class);
		assertThatThrownBy(() -> RecipientLine.splitCsv("a,b\"c")).isInstanceOf(RecipientLine.Malformed.class);
		assertThatThrownBy(() -> RecipientLine.splitCsv("\"a\"b")).isInstanceOf(RecipientLine.Malformed.class);
	}

	@Test
	void theCsvHeaderNamesTheEnterpriseNumberAndVariables() {
		assertThat(RecipientLine.csvHeader("\uFEFFenterpriseNumber,name,document"))
			.containsExactly("enterpriseNumber", "name", "document");
		assertThatThrownBy(() -> RecipientLine.csvHeader("number,name")).hasMessageContaining("enterpriseNumber");
		assertThatThrownBy(() -> RecipientLine.csvHeader("enterpriseNumber,na me")).hasMessageContaining("na me");
		assertThatThrownBy(() -> RecipientLine.csvHeader("enterpriseNumber,a,a")).hasMessageContaining("twice");
		var line = RecipientLine.csv(7, "0412.345.614,Koffie,", List.of("enterpriseNumber", "name", "document"));
		assertThat(line.enterpriseNumber()).isEqualTo("0412.345.614");
		assertThat(line.variables()).containsExactly(Map.entry("name", "Koffie"));
		assertThat(line.documentName()).isNull();
	}

	@Test
	void anNdjsonLineIsOneObject() {
		var json = JsonMapper.builder().build();
		var line = RecipientLine.ndjson(3,
				"{\"enterpriseNumber\":\"0412345614\",\"variables\":{\"n\":42,\"t\":\"x\"},\"document\":{\"fileName\":\"a.pdf\",\"content\":\"JVBERg==\"}}",
				json);
		assertThat(line.variables()).containsEntry("n", "42").containsEntry("t", "x");
		assertThat(line.inlineDocument()).asString().isEqualTo("%PDF");
		for (String bad : List.of("[1]", "{}", "{\"enterpriseNumber\":4}", "{\"enterpriseNumber\":\"1\",\"variables\":[1]}",
				"{\"enterpriseNumber\":\"1\",\"variables\":{\"a\":{}}}",
				"{\"enterpriseNumber\":\"1\",\"document\":{\"fileName\":\"a.pdf\",\"content\":\"***\"}}",
				"{\"enterpriseNumber\":\"1\",\"document\":5}")) {
			assertThatThrownBy(() -> RecipientLine.ndjson(1, bad, json)).as(bad).isInstanceOf(RecipientLine.Malformed.class);
		}
	}
}
