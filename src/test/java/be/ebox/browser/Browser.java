package be.ebox.browser;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The headless Chromium of a {@link BrowserTest} class, pointed at the running application. Paths are relative to
 * the application ({@code open("/login?lang=fr")}); the methods read like what a person does on the page.
 */
public final class Browser {

	private static final Duration WAIT = Duration.ofSeconds(10);

	private final ChromeDriver driver;

	private final String baseUrl;

	/** username → a code that passes the second step of signing in ({@link be.ebox.testsupport.TestSecondFactor}) */
	private final UnaryOperator<String> secondStep;

	Browser(ChromeDriver driver, String baseUrl, UnaryOperator<String> secondStep) {
		this.driver = driver;
		this.baseUrl = baseUrl;
		this.secondStep = secondStep;
	}

	/** The Selenium driver, for what these helpers don't cover. */
	public WebDriver driver() {
		return driver;
	}

	/** {@code http://localhost:<port>} of the application under test. */
	public String baseUrl() {
		return baseUrl;
	}

	/** The absolute URL of an application path; absolute URLs are returned as they are. */
	public String url(String path) {
		return path.startsWith("http://") || path.startsWith("https://") ? path : baseUrl + path;
	}

	public Browser open(String path) {
		driver.get(url(path));
		return this;
	}

	/** Path and query of the page shown, e.g. {@code /login?error}. */
	public String currentPath() {
		URI uri = URI.create(driver.getCurrentUrl());
		return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
	}

	public String title() {
		return driver.getTitle();
	}

	/** The {@code lang} attribute of the page. */
	public String language() {
		return driver.findElement(By.tagName("html")).getDomAttribute("lang");
	}

	public Browser fillById(String id, String value) {
		WebElement field = driver.findElement(By.id(id));
		field.clear();
		field.sendKeys(value);
		return this;
	}

	/** Fills the field whose {@code <label>} reads exactly {@code labelText} (surrounding spaces ignored). */
	public Browser fillByLabel(String labelText, String value) {
		WebElement field = fieldLabelled(labelText);
		field.clear();
		field.sendKeys(value);
		return this;
	}

	public WebElement fieldLabelled(String labelText) {
		List<WebElement> labels = driver.findElements(By.tagName("label"))
			.stream()
			.filter(label -> label.getText().trim().equals(labelText.trim()))
			.toList();
		if (labels.size() != 1) {
			throw new AssertionError("expected one label \"" + labelText + "\" on " + currentPath() + ", found "
					+ labels.size());
		}
		WebElement label = labels.get(0);
		String target = label.getDomAttribute("for");
		return target == null || target.isBlank() ? label.findElement(By.cssSelector("input, select, textarea"))
				: driver.findElement(By.id(target));
	}

	/**
	 * Submits the one form in {@code <main>} with its submit button (the page frame's forms are not counted). When
	 * that was the login form and e-Box asks for the second step of signing in, it is answered as in
	 * {@link #signIn}: tests that fill in the login form themselves go on as before.
	 */
	public Browser submit() {
		List<WebElement> buttons = driver
			.findElements(By.cssSelector("main form button:not([type=button]):not([type=reset]), main form input[type=submit]"));
		if (buttons.size() != 1) {
			throw new AssertionError("expected one submit button in <main> on " + currentPath() + ", found "
					+ buttons.size() + "; use clickButton(text)");
		}
		List<WebElement> username = currentPath().startsWith("/login") ? driver.findElements(By.id("username")) : List.of();
		String signingIn = username.isEmpty() ? null : username.get(0).getDomProperty("value");
		clickAndWait(buttons.get(0));
		if (signingIn != null && currentPath().startsWith(be.ebox.testsupport.TestSecondFactor.PAGE)) {
			passSecondStep(signingIn);
		}
		return this;
	}

	/**
	 * Signs in through the login form (fields {@code #username} and {@code #password}), in the language
	 * remembered so far, with the second step when e-Box asks for it (see {@link #passSecondStep}); the browser then
	 * shows wherever the application sends the person.
	 */
	public Browser signIn(String username, String password) {
		return open("/login").fillById("username", username).fillById("password", password).submit();
	}

	/**
	 * Answers the second step of signing in (which e-Box asks of access managers and of anyone with a factor) with a
	 * fresh recovery code of the account; the browser then shows the page asked for before, or the start page.
	 */
	public Browser passSecondStep(String username) {
		String code = secondStep.apply(username);
		open(be.ebox.testsupport.TestSecondFactor.PAGE).fillById("code", code);
		return clickAndWait(driver.findElement(By.cssSelector("main form[action$='/second-factor'] button[type=submit]")));
	}

	/** The ChromeDriver itself, e.g. for its WebAuthn virtual authenticator. */
	public ChromeDriver chrome() {
		return driver;
	}

	/** Clicks the button whose visible text is {@code text}. */
	public Browser clickButton(String text) {
		return clickAndWait(single(By.xpath("//button[normalize-space()=" + xpathLiteral(text) + "]"), "button " + text));
	}

	/** Clicks the element with this id and waits for the page it leads to. */
	public Browser clickById(String id) {
		return clickAndWait(single(By.id(id), "#" + id));
	}

	/** Clicks the first element matching a CSS selector and waits for the page it leads to. */
	public Browser clickFirst(String cssSelector) {
		return clickAndWait(driver.findElement(By.cssSelector(cssSelector)));
	}

	/** Clicks the link whose visible text is {@code text}. */
	public Browser clickLink(String text) {
		return clickAndWait(single(By.xpath("//a[normalize-space()=" + xpathLiteral(text) + "]"), "link " + text));
	}

	/** The visible text of the one element matching a CSS selector. */
	public String text(String cssSelector) {
		return single(By.cssSelector(cssSelector), cssSelector).getText().trim();
	}

	public List<String> texts(String cssSelector) {
		return driver.findElements(By.cssSelector(cssSelector)).stream().map(e -> e.getText().trim()).toList();
	}

	public boolean isPresent(String cssSelector) {
		return !driver.findElements(By.cssSelector(cssSelector)).isEmpty();
	}

	public String heading() {
		return text("h1");
	}

	/** Waits until an element matching the selector is visible, e.g. after a script changed the page. */
	public WebElement waitFor(String cssSelector) {
		return new WebDriverWait(driver, WAIT).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(cssSelector)));
	}

	public Optional<String> cookie(String name) {
		return Optional.ofNullable(driver.manage().getCookieNamed(name)).map(Cookie::getValue);
	}

	/** Emulates a device viewport (CSS pixels, touch, {@code <meta viewport>} honoured) until the next test. */
	public Browser viewport(int width, int height) {
		driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
				Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", true));
		return this;
	}

	/** True when the page is wider than the viewport, i.e. a person would have to scroll sideways. */
	public boolean scrollsHorizontally() {
		return (Boolean) script("return document.documentElement.scrollWidth > window.innerWidth;");
	}

	public Object script(String javascript, Object... arguments) {
		return ((JavascriptExecutor) driver).executeScript(javascript, arguments);
	}

	/** Presses keys as a keyboard user would, on whatever has the focus. */
	public Browser press(CharSequence... keys) {
		new Actions(driver).sendKeys(keys).perform();
		return this;
	}

	public Browser tab() {
		return press(Keys.TAB);
	}

	/** The element that has the keyboard focus. */
	public WebElement focused() {
		return driver.switchTo().activeElement();
	}

	/**
	 * Console messages at level SEVERE since the last call, e.g. a CSP violation or a failing script. The 404 of
	 * {@code /favicon.ico}, which Chromium asks for on its own, is not counted.
	 */
	public List<String> consoleErrors() {
		return driver.manage()
			.logs()
			.get(LogType.BROWSER)
			.getAll()
			.stream()
			.filter(entry -> entry.getLevel().intValue() >= java.util.logging.Level.SEVERE.intValue())
			.map(LogEntry::getMessage)
			.filter(message -> !message.contains("/favicon.ico "))
			.toList();
	}

	/** Runs axe-core on the page; see {@link Accessibility#assertNoAccessibilityViolations}. */
	public Browser assertAccessible() {
		Accessibility.assertNoAccessibilityViolations(driver);
		return this;
	}

	private Browser clickAndWait(WebElement element) {
		element.click();
		// the old page is still "complete" right after the click: wait until it is gone (the clicked element went
		// stale), then until the new page has loaded; a click that does not navigate gives up on the first wait
		try {
			new WebDriverWait(driver, WAIT).until(d -> isGone(element));
		}
		catch (org.openqa.selenium.TimeoutException noNavigation) {
			// stayed on the page
		}
		new WebDriverWait(driver, WAIT).until(d -> "complete".equals(script("return document.readyState;")));
		return this;
	}

	/** Chrome reports a node of a replaced document as stale or, during the swap, as not in the document. */
	private static boolean isGone(WebElement element) {
		try {
			element.isEnabled();
			return false;
		}
		catch (org.openqa.selenium.WebDriverException gone) {
			return true;
		}
	}

	private WebElement single(By by, String description) {
		List<WebElement> found = driver.findElements(by);
		if (found.size() != 1) {
			throw new AssertionError("expected one " + description + " on " + currentPath() + ", found " + found.size());
		}
		return found.get(0);
	}

	private static String xpathLiteral(String text) {
		if (!text.contains("'")) {
			return "'" + text + "'";
		}
		if (!text.contains("\"")) {
			return "\"" + text + "\"";
		}
		return "concat('" + text.replace("'", "',\"'\",'") + "')";
	}
}
