package be.ebox.senders;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.util.UUID;

import javax.imageio.ImageIO;

import be.ebox.identity.AccountId;
import be.ebox.identity.EboxUser;
import be.ebox.registry.EnterpriseNumber;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The operator's reference-data pages, on the shared application context. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ReferenceDataPagesTest {

	@Autowired
	WebApplicationContext context;

	@Autowired
	ReferenceData referenceData;

	@Autowired
	DemoReferenceData demo;

	MockMvc mvc;

	static final RequestPostProcessor OPERATOR = user(
			new EboxUser(new AccountId(UUID.randomUUID()), "operator", "Operator", null, true, true));

	static final RequestPostProcessor PERSON = user(
			new EboxUser(new AccountId(UUID.randomUUID()), "someone", "Some One", null, true, false));

	@BeforeEach
	void setUp() {
		mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
		demo.install("page-test-secret");
	}

	@Test
	void onlyTheOperatorSeesTheReferenceData() throws Exception {
		mvc.perform(get("/operator/senders").with(OPERATOR).header("Accept-Language", "nl"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Verzenders en berichttypes")))
			.andExpect(content().string(containsString(DemoReferenceData.APPLICATION)))
			.andExpect(content().string(containsString("FOD Werkgelegenheid")));
		mvc.perform(get("/operator/senders").with(PERSON)).andExpect(status().isForbidden());
		mvc.perform(get("/operator/senders")).andExpect(status().is3xxRedirection());
	}

	@Test
	void createsAnOrganisationAndExplainsBadInputInTheUsersLanguage() throws Exception {
		String body = mvc.perform(post("/operator/senders/organisations").with(OPERATOR).with(csrf())
				.header("Accept-Language", "fr")
				.param("enterpriseNumber", "0123.456.788")
				.param("shortNameNl", "")
				.param("url", "javascript:alert(1)"))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		assertThat(body).contains("Ce n&#39;est pas un numéro d&#39;entreprise valable", "Veuillez remplir ce champ.",
				"Veuillez indiquer une adresse web");

		String number = validNumber();
		mvc.perform(post("/operator/senders/organisations").with(OPERATOR).with(csrf())
				.param("enterpriseNumber", number)
				.param("shortNameNl", "Testdienst")
				.param("shortNameFr", "Service test")
				.param("shortNameDe", "Testdienst DE")
				.param("shortNameEn", "Test service")
				.param("url", "https://example.org"))
			.andExpect(redirectedUrl("/operator/senders/organisations/" + number + "?saved"));
		assertThat(referenceData.organisation(EnterpriseNumber.parse(number))).get()
			.satisfies(o -> assertThat(o.shortName().in("fr")).isEqualTo("Service test"));

		mvc.perform(post("/operator/senders/organisations").with(OPERATOR).with(csrf())
				.header("Accept-Language", "de")
				.param("enterpriseNumber", number)
				.param("shortNameNl", "x").param("shortNameFr", "x").param("shortNameDe", "x").param("shortNameEn", "x"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Diese Kennung wird bereits verwendet.")));
	}

	@Test
	void createsAMessageTypeAndAnApplicationWithAClientWhoseSecretIsShownOnce() throws Exception {
		String type = "TestType" + System.nanoTime();
		mvc.perform(post("/operator/senders/message-types").with(OPERATOR).with(csrf())
				.param("id", type).param("organisation", DemoReferenceData.ORGANISATION)
				.param("nameNl", "Test").param("nameFr", "Test").param("nameDe", "Test").param("nameEn", "Test")
				.param("validityValue", "18").param("validityUnit", "MONTH").param("kind", "TASK")
				.param("protectedType", "true").param("businessDataKeys", "dossier, phase"))
			.andExpect(redirectedUrl("/operator/senders/message-types/" + type + "?saved"));
		var saved = referenceData.findMessageType(new MessageTypeId(type)).orElseThrow();
		assertThat(saved.validity()).isEqualTo(new ValidityPeriod(18, ValidityPeriod.Unit.MONTH));
		assertThat(saved.isProtected()).isTrue();
		assertThat(saved.kind()).isEqualTo(MessageKind.TASK);
		assertThat(saved.businessDataKeys()).containsExactlyInAnyOrder("dossier", "phase");

		mvc.perform(post("/operator/senders/message-types").with(OPERATOR).with(csrf()).header("Accept-Language", "nl")
				.param("id", "bad id!").param("validityValue", "0").param("validityUnit", "WEEK"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Geef een geheel getal van 1 tot 1200.")));

		String app = "test.app-" + System.nanoTime() + ".example.be";
		mvc.perform(post("/operator/senders/applications").with(OPERATOR).with(csrf())
				.param("id", app).param("organisation", DemoReferenceData.ORGANISATION)
				.param("nameNl", "App").param("nameFr", "App").param("nameDe", "App").param("nameEn", "App"))
			.andExpect(redirectedUrl("/operator/senders/applications/" + app + "?saved"));
		assertThat(referenceData.mayPublish(new SenderApplicationId(app), new MessageTypeId(type))).isTrue();

		String page = mvc.perform(post("/operator/senders/applications/" + app + "/clients").with(OPERATOR).with(csrf())
				.header("Accept-Language", "en"))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		assertThat(page).contains("it is shown only this once");
		String again = mvc.perform(get("/operator/senders/applications/" + app).with(OPERATOR))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		assertThat(again).doesNotContain("it is shown only this once");
		assertThat(again).contains("sender-");
	}

	@Test
	void acceptsAPngLogoAndRefusesAnythingElse() throws Exception {
		String org = DemoReferenceData.ORGANISATION;
		var fake = new MockMultipartFile("logo", "logo.png", "image/png", "<svg onload='x'/>".getBytes());
		mvc.perform(multipart("/operator/senders/organisations/" + org + "/logo").file(fake).with(OPERATOR).with(csrf())
				.header("Accept-Language", "en"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("is not a PNG or JPEG image")));

		var image = new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB);
		var png = new ByteArrayOutputStream();
		ImageIO.write(image, "png", png);
		mvc.perform(multipart("/operator/senders/organisations/" + org + "/logo")
				.file(new MockMultipartFile("logo", "logo.png", "image/png", png.toByteArray())).with(OPERATOR).with(csrf()))
			.andExpect(redirectedUrl("/operator/senders/organisations/" + org + "?logoSaved"));
		var logo = referenceData.organisation(EnterpriseNumber.parse(org)).orElseThrow().logo().orElseThrow();
		assertThat(logo.mediaType()).isEqualTo("image/png");
		assertThat(logo.size()).isEqualTo(png.size());
		mvc.perform(get("/operator/senders/organisations/" + org + "/logo").with(OPERATOR))
			.andExpect(status().isOk())
			.andExpect(content().contentType("image/png"))
			.andExpect(content().bytes(png.toByteArray()));
	}

	/** A fresh valid enterprise number (mod-97 check digits), unlikely to be used by another test. */
	static String validNumber() {
		long base = 2_000_000L + (System.nanoTime() / 1000) % 7_000_000L;
		return String.format("%08d%02d", base, 97 - (base % 97));
	}
}
