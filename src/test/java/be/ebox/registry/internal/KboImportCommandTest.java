package be.ebox.registry.internal;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import be.ebox.registry.EnterpriseNumber;
import be.ebox.registry.EnterpriseRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.core.io.ClassPathResource;

import static be.ebox.registry.internal.Extracts.denominationLine;
import static be.ebox.registry.internal.Extracts.enterpriseLine;
import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest
@AutoConfigureMockMvc
class KboImportCommandTest {

	@Autowired
	KboImportCommand command;

	@Autowired
	EnterpriseRegistry registry;

	private final ByteArrayOutputStream output = new ByteArrayOutputStream();

	private int execute(String... args) {
		return command.execute(new DefaultApplicationArguments(args), new PrintStream(output, true, StandardCharsets.UTF_8));
	}

	private String output() {
		return output.toString(StandardCharsets.UTF_8);
	}

	@Test
	void importsAFolderAndPrintsTheSummary() throws Exception {
		String number = Extracts.newEnterpriseNumber();
		Path folder = Extracts.folder(List.of(enterpriseLine(number, "000")),
				List.of(denominationLine(number, "2", "Commandolijn NV")), List.of());

		assertThat(execute("--import-kbo=" + folder)).isZero();
		assertThat(output()).containsPattern("KBO import \\d+: DONE")
			.contains("rows read: 2\n", "rows imported: 2\n", "errors: 0\n")
			.containsPattern("rows per second: \\d+")
			.containsPattern("wall time: \\d+\\.\\d{3} s")
			.containsPattern("peak heap: \\d+ MB");
		assertThat(registry.find(EnterpriseNumber.parse(number)).orElseThrow().name("nl")).isEqualTo("Commandolijn NV");
	}

	@Test
	void listsTheFirstErrorsWithFileAndLine() throws Exception {
		Path fixture = new ClassPathResource("kbo-malformed").getFile().toPath();
		assertThat(execute("--import-kbo=" + fixture)).isZero();
		assertThat(output()).contains("errors: 5\n")
			.contains("error: enterprise.csv:3: EnterpriseNumber is not a valid enterprise number")
			.contains("error: address.csv:1: unknown file structure");
	}

	@Test
	void exitsWithAnErrorCodeWhenTheImportFails() {
		assertThat(execute("--import-kbo=/nonexistent/extract.zip")).isEqualTo(1);
		assertThat(output()).containsPattern("KBO import \\d+: FAILED").contains("failure: cannot read the extract");
		assertThat(execute("--import-kbo")).isEqualTo(2);
	}
}
