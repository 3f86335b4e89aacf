package be.ebox.registry.internal;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KboCsvSplitterTest {

	private static List<String> split(String csv) throws IOException {
		var splitter = new KboCsvSplitter(new StringReader(csv));
		List<String> records = new ArrayList<>();
		while (splitter.next()) {
			var fields = new ArrayList<String>();
			for (int i = 0; i < splitter.size(); i++) {
				fields.add(splitter.get(i));
			}
			records.add(splitter.recordLine() + ":" + String.join("|", fields));
		}
		return records;
	}

	@Test
	void handlesEveryLineEndAndTrailingEmptyFields() throws IOException {
		assertThat(split("a,\"b\"\r\nc,\r\rd,\"\"\n\"e\" ,f")).containsExactly("1:a|b", "2:c|", "4:d|", "5:e|f");
	}

	@Test
	void keepsQuotesInsideUnquotedFieldsAndUndoublesThemInQuotedOnes() throws IOException {
		assertThat(split("ab\"c,\"x\"\"y\",\"1,2\"\n")).containsExactly("1:ab\"c|x\"y|1,2");
	}

	@Test
	void splitsRecordsThatCrossTheBuffer() throws IOException {
		var csv = new StringBuilder();
		for (int i = 0; i < 20_000; i++) {
			csv.append('"').append(i).append("\",\"line\r\nbreak \"\" ").append(i).append("\",").append(i).append("\r\n");
		}
		List<String> records = split(csv.toString());
		assertThat(records).hasSize(20_000);
		assertThat(records.get(19_999)).isEqualTo("39999:19999|line\r\nbreak \" 19999|19999");
	}

	@Test
	void refusesAnUnclosedQuoteAndTextAfterAClosingQuote() {
		assertThatThrownBy(() -> split("a\n\"b,c\n")).isInstanceOf(KboCsvSplitter.UnsplittableException.class);
		assertThatThrownBy(() -> split("\"b\"x,c\n")).isInstanceOf(KboCsvSplitter.UnsplittableException.class);
	}
}
