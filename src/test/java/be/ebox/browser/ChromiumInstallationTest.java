package be.ebox.browser;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Finding Chromium, and what happens without it; runs without a browser. */
class ChromiumInstallationTest {

	@TempDir
	Path dir;

	@Test
	void environmentVariablesWinAndAreNotSecondGuessed() throws IOException {
		Path browser = executable("my-chromium");
		Path driver = executable("my-chromedriver");

		assertThat(ChromiumInstallation.locate(Map.of("EBOX_CHROMIUM", browser.toString(), "EBOX_CHROMEDRIVER",
				driver.toString())))
			.contains(new ChromiumInstallation(browser, driver));
		// a wrong override is not silently replaced by another browser
		assertThat(ChromiumInstallation.locate(Map.of("EBOX_CHROMIUM", "/nonexistent", "EBOX_CHROMEDRIVER",
				driver.toString(), "PATH", dir.toString())))
			.isEmpty();
	}

	@Test
	void aFileThatIsNotExecutableDoesNotCount() throws IOException {
		Path browser = Files.createFile(dir.resolve("chromium"));

		assertThat(ChromiumInstallation.locate(Map.of("EBOX_CHROMIUM", browser.toString(), "EBOX_CHROMEDRIVER",
				executable("chromedriver").toString())))
			.isEmpty();
	}

	@Test
	void looksOnThePathWhenNothingElseIsSet() throws IOException {
		Path browser = executable("chromium");
		Path driver = executable("chromedriver");
		var env = Map.of("PATH", "/nonexistent-dir:" + dir);

		var found = ChromiumInstallation.locate(env);

		// Debian's /usr/bin paths come first when they exist on this machine
		assertThat(found).get().satisfies(installation -> {
			assertThat(installation.browser()).isIn(browser, Path.of("/usr/bin/chromium"));
			assertThat(installation.driver()).isIn(driver, Path.of("/usr/bin/chromedriver"));
		});
	}

	@Test
	void withoutChromiumTheTestsAreSkippedWithAMessageUnlessTheBrowserIsRequired() {
		var out = new ByteArrayOutputStream();

		BrowserExtension.unavailable(Map.of(), new PrintStream(out, true, StandardCharsets.UTF_8));

		assertThat(out.toString(StandardCharsets.UTF_8))
			.isEqualTo("browser tests skipped: no Chromium found — apt-get install chromium chromium-driver" + System.lineSeparator());
		assertThatThrownBy(() -> BrowserExtension.unavailable(Map.of("EBOX_REQUIRE_BROWSER", "true"), System.out))
			.isInstanceOf(AssertionError.class)
			.hasMessage("EBOX_REQUIRE_BROWSER=true, but no Chromium found — apt-get install chromium chromium-driver");
		assertThat(ChromiumInstallation.required(Map.of("EBOX_REQUIRE_BROWSER", "false"))).isFalse();
	}

	private Path executable(String name) throws IOException {
		return Files.createFile(dir.resolve(name), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
	}
}
