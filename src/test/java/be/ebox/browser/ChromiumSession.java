package be.ebox.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.Stream;

import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * One headless Chromium with its chromedriver and a throw-away profile; closing it quits both and deletes the
 * profile. The machine has no internet: the driver and browser paths are given explicitly, so Selenium Manager
 * (which would try to download them) never runs — {@link #start} fails if it does.
 * <p>
 * Chromium itself still tries a few calls home at start-up that neither our flags nor preferences switch off
 * (seen in a {@code --log-net-log}: update.googleapis.com, accounts.google.com/ListAccounts,
 * optimizationguide-pa.googleapis.com, the default search engine's preconnect). Without internet they fail at
 * once (no DNS); {@code --host-resolver-rules="MAP * ~NOTFOUND, EXCLUDE localhost"} would stop them too.
 */
final class ChromiumSession implements AutoCloseable {

	static final int WIDTH = 1280;

	static final int HEIGHT = 900;

	/** Exactly the flags we choose; Debian's launcher script and chromedriver add their own. */
	static final List<String> FLAGS = List.of("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
			"--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
			"--disable-dev-shm-usage");

	private final ChromeDriverService service;

	private final ChromeDriver driver;

	private final Path profile;

	private ChromiumSession(ChromeDriverService service, ChromeDriver driver, Path profile) {
		this.service = service;
		this.driver = driver;
		this.profile = profile;
	}

	static ChromiumSession start(ChromiumInstallation installation) {
		// belt and braces: Selenium passes SE_* system properties on to Selenium Manager, should it ever run
		System.setProperty("SE_OFFLINE", "true");
		Path profile = createProfile();
		var service = new ChromeDriverService.Builder().usingDriverExecutable(installation.driver().toFile())
			.usingAnyFreePort()
			.build();
		var options = new ChromeOptions();
		options.setBinary(installation.browser().toFile());
		options.addArguments(FLAGS);
		options.addArguments("--user-data-dir=" + profile, "--window-size=" + WIDTH + "," + HEIGHT);
		// preferences, not flags: Chromium's own calls home that the flags above leave on (autofill and password
		// server predictions on every form, network time); what remains is listed in the class comment
		options.setExperimentalOption("prefs", Map.of("autofill.profile_enabled", false, "autofill.credit_card_enabled",
				false, "credentials_enable_service", false, "profile.password_manager_enabled", false,
				"net.network_prediction_options", 2, "safebrowsing.enabled", false, "translate.enabled", false));
		options.setExperimentalOption("localState", Map.of("network_time.network_time_queries_enabled", false));
		var logging = new LoggingPreferences();
		logging.enable(LogType.BROWSER, Level.ALL);
		options.setCapability("goog:loggingPrefs", logging);
		var managerLog = new ManagerLog();
		try {
			ChromeDriver driver = new ChromeDriver(service, options);
			if (managerLog.used()) {
				driver.quit();
				throw new IllegalStateException("Selenium Manager ran although the driver path was given: " + managerLog.records);
			}
			return new ChromiumSession(service, driver, profile);
		}
		catch (RuntimeException ex) {
			service.stop();
			delete(profile);
			throw ex;
		}
		finally {
			managerLog.close();
		}
	}

	ChromeDriver driver() {
		return driver;
	}

	/** Between two tests of a class: no cookies, no viewport emulation, a blank page, an empty console log. */
	void reset() {
		driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
		driver.executeCdpCommand("Network.clearBrowserCookies", Map.of());
		driver.get("about:blank");
		driver.manage().logs().get(LogType.BROWSER); // reading the log empties it
	}

	@Override
	public void close() {
		try {
			driver.quit();
		}
		finally {
			service.stop();
			delete(profile);
		}
	}

	private static Path createProfile() {
		try {
			return Files.createTempDirectory("ebox-chromium-");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void delete(Path dir) {
		if (!Files.exists(dir)) {
			return;
		}
		try (Stream<Path> files = Files.walk(dir)) {
			files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
		}
		catch (IOException ex) {
			// a left-over temporary profile is harmless; never hide the test's own outcome for it
			System.out.println("could not delete Chromium profile " + dir + ": " + ex.getMessage());
		}
	}

	/** Listens to Selenium Manager's logger while the driver starts: anything logged there means it ran. */
	private static final class ManagerLog extends Handler {

		private static final Logger LOGGER = Logger.getLogger("org.openqa.selenium.manager");

		private final List<String> records = new ArrayList<>();

		private final Level previousLevel = LOGGER.getLevel();

		ManagerLog() {
			LOGGER.setLevel(Level.FINE);
			LOGGER.addHandler(this);
		}

		boolean used() {
			synchronized (records) {
				return !records.isEmpty();
			}
		}

		@Override
		public void publish(LogRecord record) {
			synchronized (records) {
				records.add(record.getMessage());
			}
		}

		@Override
		public void flush() {
		}

		@Override
		public void close() {
			LOGGER.removeHandler(this);
			LOGGER.setLevel(previousLevel);
		}
	}
}
