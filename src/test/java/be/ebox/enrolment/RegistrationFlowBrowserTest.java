package be.ebox.enrolment;

import java.time.Duration;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import be.ebox.browser.Browser;
import be.ebox.browser.BrowserTest;
import be.ebox.browser.Downloads;
import be.ebox.identity.AccountId;
import be.ebox.identity.Accounts;
import be.ebox.registry.EnterpriseNumber;
import be.ebox.testsupport.TestSecondFactor;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Foundation flow in a real browser: register, the operator downloads the letter from the postal outbox, the
 * code is read off the PDF, the main access manager activates and lands in the e-Box. axe-core checks every page.
 */
@BrowserTest
class RegistrationFlowBrowserTest {

	private static final Pattern CODE = Pattern.compile("[A-Z2-9]{4}(-[A-Z2-9]{4}){3}");

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Accounts accounts;

	@Autowired
	Enrolment enrolment;

	@Autowired
	MessageSource messages;

	@Autowired
	java.time.Clock clock;

	@ParameterizedTest
	@ValueSource(strings = { "nl", "fr" })
	void registersGetsTheLetterActivatesAndLandsInTheEbox(String language, Browser browser) {
		EnterpriseNumber number = enterprise();

		browser.open("/register?lang=" + language);
		assertThat(browser.language()).isEqualTo(language);
		assertThat(browser.heading()).isEqualTo(message("registration.title", language));
		browser.assertAccessible();

		// first an incomplete form: the errors, in the page language
		browser.fillById("enterpriseNumber", number.formatted()).fillById("representativeName", "").fillById("email", "geen-adres");
		submit(browser);
		assertThat(browser.isPresent("#error-summary")).isTrue();
		assertThat(browser.text("#representativeName-error")).isEqualTo(message("registration.representativeName.required", language));
		assertThat(browser.text("#email-error")).isEqualTo(message("registration.email.invalid", language));
		browser.assertAccessible();

		browser.fillById("enterpriseNumber", number.formatted())
			.fillById("representativeName", "Zoë Hermans-Lefèvre")
			.fillById("email", "zoe@example.be");
		assertThat(browser.driver().findElement(By.id("letterLanguage")).getDomProperty("value"))
			.as("the letter language defaults to the page language").isEqualTo(language);
		submit(browser);

		assertThat(browser.currentPath()).isEqualTo("/register/done");
		assertThat(browser.text("#registered-title")).isEqualTo(message("registered.title", language));
		String office = browser.text("address#registered-office");
		assertThat(office).contains(street(language)).contains("1000").contains(municipality(language));
		assertThat(browser.driver().getPageSource()).doesNotContainPattern(CODE);
		browser.assertAccessible();

		String letter = letterOf(browser, number);
		assertThat(letter).contains(name(language)).contains(street(language)).contains(municipality(language))
			.contains(number.formatted());
		String username = usernameIn(letter, language);
		String code = codeIn(letter);
		assertThat(browser.driver().getPageSource()).doesNotContain(code);

		// a wrong code first
		browser.open("/activate?lang=" + language);
		assertThat(browser.heading()).isEqualTo(message("activation.title", language));
		browser.assertAccessible();
		browser.fillById("username", username).fillById("activationCode", otherCode(code));
		submit(browser);
		assertThat(browser.text("#activation-error")).isEqualTo(message("activation.refused", language));
		browser.assertAccessible();

		browser.fillById("username", username).fillById("activationCode", code);
		submit(browser);
		assertThat(browser.currentPath()).isEqualTo("/activate/password");
		assertThat(browser.isPresent("#terms-text")).isTrue();
		browser.assertAccessible();

		// passwords that differ (the terms checkbox is `required`, so the browser itself insists on it)
		browser.fillById("password", "Kastanjeboom-Lente-2026").fillById("passwordRepeat", "Kastanjeboom-Zomer-2026");
		acceptTerms(browser);
		submit(browser);
		assertThat(browser.currentPath()).isEqualTo("/activate/password");
		assertThat(browser.text("#password-error")).isEqualTo(message("activation.password.mismatch", language));
		browser.assertAccessible();

		browser.fillById("password", "Kastanjeboom-Lente-2026").fillById("passwordRepeat", "Kastanjeboom-Lente-2026");
		acceptTerms(browser);
		submit(browser);

		// a main access manager sets up a second factor before anything else: the app key is on the page
		assertThat(browser.currentPath()).isEqualTo("/second-factor/enrol");
		assertThat(browser.heading()).isEqualTo(message("secondFactor.enrol.title", language));
		browser.assertAccessible();
		String secret = browser.text("#totp-secret").replace(" ", "");
		browser.fillById("code", TestSecondFactor.code(secret, clock)).submit();
		assertThat(browser.currentPath()).isEqualTo("/second-factor/recovery-codes");
		assertThat(browser.texts("#recovery-codes li")).hasSize(10);
		browser.assertAccessible();
		browser.clickLink(message("secondFactor.recovery.done", language));

		assertThat(browser.currentPath()).isEqualTo("/ebox");
		assertThat(browser.isPresent("#ebox-list")).isTrue();
		String row = browser.text("#ebox-" + number.digits());
		assertThat(row).contains(name(language)).contains(number.formatted())
			.contains(message("ebox.role.MAIN_ACCESS_MANAGER", language));
		assertThat(browser.text("#inbox-empty")).isEqualTo(message("ebox.inbox.empty", language));
		browser.assertAccessible();
		assertThat(browser.consoleErrors()).isEmpty();

		// the used code does not work a second time
		browser.driver().manage().deleteAllCookies();
		browser.open("/activate?lang=" + language).fillById("username", username).fillById("activationCode", code);
		submit(browser);
		assertThat(browser.text("#activation-error")).isEqualTo(message("activation.refused", language));
	}

	@ParameterizedTest
	@ValueSource(strings = { "nl", "fr" })
	void aSecondRegistrationIsRefusedHoweverTheNumberIsWritten(String language, Browser browser) {
		EnterpriseNumber number = enterprise();
		register(browser, language, number.formatted());
		assertThat(browser.currentPath()).isEqualTo("/register/done");

		for (String written : new String[] { "BE" + number.digits(), number.formatted(), "BE " + number.formatted() }) {
			register(browser, language, written);
			assertThat(browser.currentPath()).as(written).isEqualTo("/register");
			assertThat(browser.text("#enterpriseNumber-error")).as(written)
				.isEqualTo(message("registration.refused.ALREADY_REGISTERED", language));
			assertThat(browser.isPresent("#error-summary")).isTrue();
		}
		browser.assertAccessible();
	}

	@ParameterizedTest
	@ValueSource(strings = { "nl", "fr" })
	void wrongCheckDigitsAndUnknownNumbersAreRefused(String language, Browser browser) {
		EnterpriseNumber valid = freshNumber();
		String digits = valid.digits();
		String wrongCheck = digits.substring(0, 8) + String.format("%02d", (Integer.parseInt(digits.substring(8)) + 1) % 100);

		register(browser, language, wrongCheck);
		assertThat(browser.text("#enterpriseNumber-error")).isEqualTo(message("registration.refused.CHECK_DIGITS", language));
		browser.assertAccessible();

		register(browser, language, valid.formatted()); // valid but not in the registry
		assertThat(browser.text("#enterpriseNumber-error")).isEqualTo(message("registration.refused.UNKNOWN", language));
	}

	@Test
	void aWrongCodeIsRefusedAndTheRightCodeStillWorksAfterwards(Browser browser) {
		EnterpriseNumber number = enterprise();
		ActivationCredentials credentials = enrolment.registerWithCredentials(
				new RegistrationRequest(number, "Anaïs Dubois", "anais@example.be", "fr"));

		browser.open("/activate?lang=fr")
			.fillById("username", credentials.username())
			.fillById("activationCode", otherCode(credentials.activationCode()));
		submit(browser);
		assertThat(browser.text("#activation-error")).isEqualTo(message("activation.refused", "fr"));
		assertThat(browser.driver().getPageSource()).doesNotContain(credentials.activationCode());

		// lower case and without dashes, as people type it off the letter
		browser.fillById("username", credentials.username())
			.fillById("activationCode", credentials.activationCode().toLowerCase(Locale.ROOT));
		submit(browser);
		assertThat(browser.currentPath()).isEqualTo("/activate/password");
	}

	@ParameterizedTest
	@ValueSource(strings = { "nl", "fr" })
	void aWeakPasswordIsRefusedWithItsReason(String language, Browser browser) {
		EnterpriseNumber number = enterprise();
		ActivationCredentials credentials = enrolment.registerWithCredentials(
				new RegistrationRequest(number, "Jürgen Maes", "jurgen@example.be", language));
		browser.open("/activate?lang=" + language)
			.fillById("username", credentials.username())
			.fillById("activationCode", credentials.activationCode());
		submit(browser);
		assertThat(browser.currentPath()).isEqualTo("/activate/password");

		String weak = credentials.username() + "-Zonnebloem";
		browser.fillById("password", weak).fillById("passwordRepeat", weak);
		acceptTerms(browser);
		submit(browser);

		assertThat(browser.currentPath()).isEqualTo("/activate/password");
		assertThat(browser.language()).isEqualTo(language);
		assertThat(browser.text("#password-error")).isEqualTo(message("password.refused.CONTAINS_USERNAME", language));
		browser.assertAccessible();
	}

	private void register(Browser browser, String language, String enterpriseNumber) {
		browser.open("/register?lang=" + language)
			.fillById("enterpriseNumber", enterpriseNumber)
			.fillById("representativeName", "Zoë Hermans-Lefèvre")
			.fillById("email", "zoe@example.be");
		submit(browser);
	}

	/**
	 * Submits the form and waits until the next page replaced this one: {@code Browser#submit} waits for
	 * {@code document.readyState}, which the old page still reports right after the click, so a fast test could read
	 * the old page.
	 */
	private static void submit(Browser browser) {
		WebElement page = browser.driver().findElement(By.tagName("html"));
		browser.submit();
		new WebDriverWait(browser.driver(), Duration.ofSeconds(10)).until(ExpectedConditions.stalenessOf(page));
		new WebDriverWait(browser.driver(), Duration.ofSeconds(10))
			.until(d -> "complete".equals(browser.script("return document.readyState;")));
	}

	private static void acceptTerms(Browser browser) {
		WebElement box = browser.driver().findElement(By.id("acceptTerms"));
		if (!box.isSelected()) {
			box.click();
		}
	}

	/** Signs in as an operator, reads the waiting letter of the enterprise off the postal outbox, signs out. */
	private String letterOf(Browser browser, EnterpriseNumber number) {
		String username = "operator-e2e-" + UUID.randomUUID();
		String password = "Postuitgang-" + UUID.randomUUID();
		AccountId account = accounts.createPending(username, "Operator E2E", username + "@example.be", "nl");
		accounts.choosePassword(account, password);
		jdbc.sql("UPDATE identity_account SET operator = TRUE WHERE username = ?").param(username).update();

		browser.driver().manage().deleteAllCookies();
		browser.open("/login").fillById("username", username).fillById("password", password);
		submit(browser);
		browser.open("/operator/enrolment/postal-outbox");
		assertThat(browser.isPresent("#outbox-letters")).isTrue();
		browser.assertAccessible();
		String href = browser.driver()
			.findElement(By.cssSelector("a.letter-download[data-enterprise=\"" + number.formatted() + "\"]"))
			.getDomAttribute("href");
		assertThat(href).matches(".*/postal-outbox/[0-9a-f-]{36}/pdf");
		String text = Downloads.pdfText(browser, href);
		browser.driver().manage().deleteAllCookies(); // signs the operator out
		return text;
	}

	private static String usernameIn(String letter, String language) {
		String label = "fr".equals(language) ? "Nom d'utilisateur : " : "Gebruikersnaam: ";
		Matcher matcher = Pattern.compile(Pattern.quote(label) + "(\\S+)").matcher(letter);
		assertThat(matcher.find()).as("a username labelled '%s' in the letter:%n%s", label, letter).isTrue();
		return matcher.group(1);
	}

	private static String codeIn(String letter) {
		Matcher matcher = CODE.matcher(letter);
		assertThat(matcher.find()).as("an activation code in the letter").isTrue();
		return matcher.group();
	}

	/** The same code with its first character changed: well formed, but wrong. */
	private static String otherCode(String code) {
		return (code.charAt(0) == 'A' ? 'B' : 'A') + code.substring(1);
	}

	private String message(String key, String language) {
		return messages.getMessage(key, null, new Locale(language));
	}

	private static String name(String language) {
		return "fr".equals(language) ? "Boulangerie Élise & Fils SRL" : "Bakkerij Éloïse & Zonen BV";
	}

	private static String street(String language) {
		return "fr".equals(language) ? "Place Saint-Géry" : "Sint-Goriksplein";
	}

	private static String municipality(String language) {
		return "fr".equals(language) ? "Bruxelles" : "Brussel";
	}

	/**
	 * An active legal person with a French and a Dutch name and a registered office in Brussels. Columns are named
	 * (the registry tables carry an {@code import_id}; the shared {@code TestEnterprises} helper still inserts without
	 * column names and fails on main at the moment).
	 */
	private EnterpriseNumber enterprise() {
		EnterpriseNumber number = freshNumber();
		jdbc.sql("""
				INSERT INTO registry_enterprise (enterprise_number, status, juridical_situation, type_of_enterprise,
					juridical_form, start_date) VALUES (?, 'AC', '000', '2', '014', DATE '2001-02-03')""")
			.param(number.digits())
			.update();
		jdbc.sql("""
				INSERT INTO registry_denomination (entity_number, language, type_of_denomination, denomination, import_id)
				VALUES (?, ?, '001', ?, 0)""").params(number.digits(), "1", name("fr")).update();
		jdbc.sql("""
				INSERT INTO registry_denomination (entity_number, language, type_of_denomination, denomination, import_id)
				VALUES (?, ?, '001', ?, 0)""").params(number.digits(), "2", name("nl")).update();
		jdbc.sql("""
				INSERT INTO registry_address (entity_number, type_of_address, country_nl, country_fr, zipcode,
					municipality_nl, municipality_fr, street_nl, street_fr, house_number, box, import_id)
				VALUES (?, 'REGO', 'België', 'Belgique', '1000', 'Brussel', 'Bruxelles', 'Sint-Goriksplein',
					'Place Saint-Géry', '23', '4', 0)""")
			.param(number.digits())
			.update();
		return number;
	}

	/** A valid number (mod 97) from a range other tests' helper does not draw from. */
	private static EnterpriseNumber freshNumber() {
		long base = ThreadLocalRandom.current().nextLong(1_000_000, 2_999_999);
		return EnterpriseNumber.parse(String.format("%08d%02d", base, 97 - base % 97));
	}
}
