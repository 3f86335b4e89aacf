/**
 * Test support for real-browser tests (test code, not a module): annotate a test class with
 * {@link be.ebox.browser.BrowserTest}, take a {@link be.ebox.browser.Browser} parameter in its test methods, check
 * pages with {@link be.ebox.browser.Accessibility} (axe-core, WCAG 2.1 AA) and read downloaded letters with
 * {@link be.ebox.browser.Downloads}.
 * <p>
 * Chromium and chromedriver come from Debian ({@code apt-get install chromium chromium-driver}); override their
 * paths with {@code EBOX_CHROMIUM} and {@code EBOX_CHROMEDRIVER}. Without them the tests are skipped with a
 * message, unless {@code EBOX_REQUIRE_BROWSER=true} (CI), which makes that a failure.
 */
package be.ebox.browser;
