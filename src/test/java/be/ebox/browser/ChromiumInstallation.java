package be.ebox.browser;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where Chromium and chromedriver live on this machine: {@code EBOX_CHROMIUM} / {@code EBOX_CHROMEDRIVER} when
 * set (and then only there, so that a wrong override is noticed), else Debian's {@code /usr/bin/chromium} and
 * {@code /usr/bin/chromedriver}, else the first match on {@code PATH}.
 */
record ChromiumInstallation(Path browser, Path driver) {

	static final String BROWSER_VARIABLE = "EBOX_CHROMIUM";

	static final String DRIVER_VARIABLE = "EBOX_CHROMEDRIVER";

	static final String REQUIRE_VARIABLE = "EBOX_REQUIRE_BROWSER";

	static final String MISSING_MESSAGE = "browser tests skipped: no Chromium found — apt-get install chromium chromium-driver";

	private static final List<String> BROWSER_NAMES = List.of("chromium", "chromium-browser");

	static Optional<ChromiumInstallation> locate() {
		return locate(System.getenv());
	}

	static Optional<ChromiumInstallation> locate(Map<String, String> env) {
		Optional<Path> browser = find(env, BROWSER_VARIABLE, Path.of("/usr/bin/chromium"), BROWSER_NAMES);
		Optional<Path> driver = find(env, DRIVER_VARIABLE, Path.of("/usr/bin/chromedriver"), List.of("chromedriver"));
		return browser.isPresent() && driver.isPresent()
				? Optional.of(new ChromiumInstallation(browser.get(), driver.get())) : Optional.empty();
	}

	/** In CI ({@code EBOX_REQUIRE_BROWSER=true}) a missing browser fails the build instead of skipping. */
	static boolean required(Map<String, String> env) {
		return "true".equalsIgnoreCase(env.getOrDefault(REQUIRE_VARIABLE, "").trim());
	}

	private static Optional<Path> find(Map<String, String> env, String variable, Path debianPath, List<String> names) {
		String override = env.get(variable);
		if (override != null && !override.isBlank()) {
			return executable(Path.of(override.trim()));
		}
		Optional<Path> debian = executable(debianPath);
		if (debian.isPresent()) {
			return debian;
		}
		for (String dir : env.getOrDefault("PATH", "").split(File.pathSeparator)) {
			for (String name : names) {
				Optional<Path> candidate = dir.isBlank() ? Optional.empty() : executable(Path.of(dir, name));
				if (candidate.isPresent()) {
					return candidate;
				}
			}
		}
		return Optional.empty();
	}

	private static Optional<Path> executable(Path path) {
		return Files.isRegularFile(path) && Files.isExecutable(path) ? Optional.of(path) : Optional.empty();
	}
}
