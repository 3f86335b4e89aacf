package be.ebox.browser;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.atomic.AtomicReference;

import com.deque.html.axecore.results.Results;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The browser test support itself: axe finds problems and runs under our CSP; downloads carry the session. */
@BrowserTest
class BrowserSupportBrowserTest {

	@Test
	void axeListsEachViolationWithRuleImpactTargetAndHelp(Browser browser) {
		browser.driver().get("data:text/html;charset=utf-8,<html><body><img src='x.png'><input type='text' id='q'></body></html>");

		assertThatThrownBy(() -> Accessibility.assertNoAccessibilityViolations(browser.driver()))
			.isInstanceOf(AssertionError.class)
			.hasMessageContaining("accessibility violation(s) (WCAG 2.1 AA)")
			.hasMessageContaining("- image-alt [critical] Images must have alternative text")
			.hasMessageContaining("at img")
			.hasMessageContaining("- html-has-lang [serious]")
			.hasMessageContaining("- label [critical]")
			.hasMessageContaining("at #q");
	}

	@Test
	void axeRunsOnOurPagesDespiteTheirStrictContentSecurityPolicy(Browser browser) {
		var headers = Downloads.download(browser.open("/"), "/").headers();
		assertThat(headers.firstValue("Content-Security-Policy")).get()
			.asString()
			.contains("script-src 'self'")
			.doesNotContain("unsafe-inline", "unsafe-eval");

		Results results = Accessibility.analyze(browser.driver());

		assertThat(results.isErrored()).as(results.getErrorMessage()).isFalse();
		assertThat(results.getPasses()).extracting("id").contains("html-has-lang", "bypass", "color-contrast");
		assertThat(browser.consoleErrors()).as("no CSP violation reported").isEmpty();
	}

	@Test
	void downloadsSendTheBrowsersCookiesAndExtractPdfText(Browser browser) throws IOException {
		browser.open("/?lang=fr"); // the application sets its language cookie (HttpOnly)
		var cookieHeader = new AtomicReference<String>();
		HttpServer server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
		server.createContext("/letter.pdf", exchange -> {
			cookieHeader.set(exchange.getRequestHeaders().getFirst("Cookie"));
			byte[] pdf = DownloadsTest.letter("Code d'activation : K7QF-22XM");
			exchange.getResponseHeaders().add("Content-Type", "application/pdf");
			exchange.sendResponseHeaders(200, pdf.length);
			exchange.getResponseBody().write(pdf);
			exchange.close();
		});
		server.start();
		try {
			String text = Downloads.pdfText(browser, "http://localhost:" + server.getAddress().getPort() + "/letter.pdf");

			assertThat(text).contains("Code d'activation : K7QF-22XM");
			assertThat(cookieHeader.get()).contains("ebox-lang=fr");
		}
		finally {
			server.stop(0);
		}
	}

	@Test
	void downloadsRefuseRedirectsAndFilesThatAreNoPdf(Browser browser) {
		browser.open("/");

		assertThatThrownBy(() -> Downloads.pdfText(browser, "/operator")).hasMessageContaining("answered 302")
			.hasMessageContaining("/login");
		assertThatThrownBy(() -> Downloads.pdfText(browser, "/login")).hasMessageContaining("text/html")
			.hasMessageContaining("not a PDF");
	}
}
