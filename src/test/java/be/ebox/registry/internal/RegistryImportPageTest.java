package be.ebox.registry.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import be.ebox.identity.AccountId;
import be.ebox.identity.EboxUser;
import be.ebox.registry.EnterpriseNumber;
import be.ebox.registry.EnterpriseRegistry;
import be.ebox.registry.ImportStatus;
import be.ebox.registry.RegistryImports;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static be.ebox.registry.internal.Extracts.denominationLine;
import static be.ebox.registry.internal.Extracts.enterpriseLine;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@SpringBootTest
@AutoConfigureMockMvc
class RegistryImportPageTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	RegistryImports imports;

	@Autowired
	EnterpriseRegistry registry;

	@Value("${ebox.data-dir}")
	Path dataDir;

	EboxUser operator;

	/** Accounts has no way to create an operator (on purpose): the test inserts one. */
	@BeforeEach
	void operatorAccount() {
		UUID id = UUID.randomUUID();
		String username = "operator-" + id.toString().substring(0, 8);
		jdbc.sql("""
				INSERT INTO identity_account (id, username, display_name, state, operator, language, created_at)
				VALUES (?, ?, 'Test Operator', 'ACTIVE', TRUE, 'en', ?)""")
			.params(id, username, OffsetDateTime.now())
			.update();
		operator = new EboxUser(new AccountId(id), username, "Test Operator", null, true, true);
	}

	@Test
	void showsThePageInTheOperatorsLanguage() throws Exception {
		imports.importSample("test");
		String page = mvc.perform(get("/operator/registry/imports").header("Accept-Language", "fr").with(user(operator)))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		assertThat(page).contains("Imports du répertoire des entreprises")
			.contains("Importer l&#39;extrait d&#39;exemple")
			.contains("<progress")
			.contains("registry.js")
			.contains("sample extract")
			.contains("Terminé")
			.contains("href=\"/operator/registry/imports\"");

		mvc.perform(get("/operator/registry/imports?started=12345").header("Accept-Language", "de").with(user(operator)))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("Import 12345 wurde gestartet")));
	}

	@Test
	void uploadsAZipAndImportsIt() throws Exception {
		String number = Extracts.newEnterpriseNumber();
		Path zip = Extracts.zip(Extracts.folder(List.of(enterpriseLine(number, "000")),
				List.of(denominationLine(number, "2", "Opgeladen BV")), List.of()));
		var file = new MockMultipartFile("extract", "KboOpenData_0142.zip", "application/zip", Files.readAllBytes(zip));

		MvcResult result = mvc.perform(multipart("/operator/registry/imports").file(file).with(csrf()).with(user(operator)))
			.andExpect(status().is3xxRedirection())
			.andReturn();
		String location = result.getResponse().getRedirectedUrl();
		assertThat(location).startsWith("/operator/registry/imports?started=");
		long id = Long.parseLong(location.substring(location.indexOf('=') + 1));

		ImportStatus status = RegistryImportTest.awaitEnd(imports, id);
		assertThat(status.state()).isEqualTo(ImportStatus.State.DONE);
		assertThat(status.source()).isEqualTo("upload KboOpenData_0142.zip");
		assertThat(registry.find(EnterpriseNumber.parse(number)).orElseThrow().name("nl")).isEqualTo("Opgeladen BV");
		// the file goes right after the import reports DONE (the worker's finally): allow it a moment
		long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
		while (uploadsLeft() > otherUploadsRunning() && System.nanoTime() < deadline) {
			Thread.sleep(50);
		}
		assertThat(uploadsLeft()).as("the uploaded file is deleted after its import")
			.isLessThanOrEqualTo(otherUploadsRunning());

		mvc.perform(get("/operator/registry/imports/{id}/status", id).with(user(operator)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.state").value("DONE"))
			.andExpect(jsonPath("$.percent").value(100))
			.andExpect(jsonPath("$.rowsImported").value(2));
	}

	@Test
	void refusesAFileThatIsNotAZip() throws Exception {
		var file = new MockMultipartFile("extract", "enterprise.csv", "text/csv", "\"EnterpriseNumber\"".getBytes());
		mvc.perform(multipart("/operator/registry/imports").file(file).with(csrf()).with(user(operator)))
			.andExpect(status().is3xxRedirection())
			.andExpect(result -> assertThat(result.getResponse().getRedirectedUrl()).endsWith("?error=notZip"));
		mvc.perform(get("/operator/registry/imports?error=notZip").header("Accept-Language", "nl").with(user(operator)))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("Dit bestand is geen zipbestand")));
		mvc.perform(multipart("/operator/registry/imports").with(csrf()).with(user(operator)))
			.andExpect(result -> assertThat(result.getResponse().getRedirectedUrl()).endsWith("?error=empty"));
	}

	@Test
	void importsTheSampleFromTheButton() throws Exception {
		mvc.perform(post("/operator/registry/imports/sample").with(csrf()).with(user(operator)))
			.andExpect(status().is3xxRedirection());
		assertThat(registry.find(EnterpriseNumber.parse("0200.065.765"))).isPresent();
	}

	@Test
	void isForOperatorsOnly() throws Exception {
		var person = new EboxUser(new AccountId(UUID.randomUUID()), "someone", "Someone", null, true, false);
		mvc.perform(get("/operator/registry/imports").with(user(person))).andExpect(status().isForbidden());
		mvc.perform(post("/operator/registry/imports/sample").with(user(operator))).andExpect(status().isForbidden());
		mvc.perform(get("/operator/registry/imports/{id}/status", Long.MAX_VALUE).with(user(operator)))
			.andExpect(status().isNotFound());
	}

	private long uploadsLeft() throws java.io.IOException {
		try (var left = Files.list(dataDir.resolve("imports"))) {
			return left.filter(path -> path.getFileName().toString().endsWith(".zip")).count();
		}
	}

	private long otherUploadsRunning() {
		return jdbc.sql("SELECT COUNT(*) FROM registry_import WHERE state = 'RUNNING' AND source LIKE 'upload %'")
			.query(Long.class).single();
	}
}
