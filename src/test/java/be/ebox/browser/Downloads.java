package be.ebox.browser;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.stream.Collectors;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.openqa.selenium.Cookie;

/**
 * Files a signed-in person downloads, fetched with the browser's session: headless Chromium saves downloads to
 * disk where a test can't easily wait for them, so we copy the browser's cookies into a plain HTTP request.
 *
 * <pre>
 * browser.open("/operator/outbox");                       // signed in as the operator
 * String letter = Downloads.pdfText(browser, "/operator/outbox/42/letter.pdf");
 * </pre>
 */
public final class Downloads {

	private static final HttpClient HTTP = HttpClient.newBuilder()
		.connectTimeout(Duration.ofSeconds(10))
		.followRedirects(HttpClient.Redirect.NEVER) // a redirect to /login must fail, not download the login page
		.build();

	private Downloads() {
	}

	/**
	 * The bytes at {@code path} (an application path or an absolute URL), requested with the cookies that the
	 * browser holds for the page it shows now — so open a page of the application first.
	 * @throws AssertionError unless the answer is 200
	 */
	public static HttpResponse<byte[]> download(Browser browser, String path) {
		String cookies = browser.driver()
			.manage()
			.getCookies()
			.stream()
			.map(Downloads::header)
			.collect(Collectors.joining("; "));
		var request = HttpRequest.newBuilder(URI.create(browser.url(path))).timeout(Duration.ofSeconds(30)).GET();
		if (!cookies.isEmpty()) {
			request.header("Cookie", cookies);
		}
		try {
			HttpResponse<byte[]> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
			if (response.statusCode() != 200) {
				throw new AssertionError("download of " + path + " answered " + response.statusCode()
						+ response.headers().firstValue("Location").map(l -> " to " + l).orElse(""));
			}
			return response;
		}
		catch (IOException ex) {
			throw new AssertionError("download of " + path + " failed: " + ex, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new AssertionError("download of " + path + " interrupted", ex);
		}
	}

	/** Downloads a PDF (checking its content type) and returns its text, in reading order. */
	public static String pdfText(Browser browser, String path) {
		HttpResponse<byte[]> response = download(browser, path);
		String type = response.headers().firstValue("Content-Type").orElse("");
		if (!type.startsWith("application/pdf")) {
			throw new AssertionError("download of " + path + " is " + type + ", not a PDF");
		}
		return pdfText(response.body());
	}

	public static String pdfText(byte[] pdf) {
		try (PDDocument document = Loader.loadPDF(pdf)) {
			var stripper = new PDFTextStripper();
			stripper.setSortByPosition(true);
			return stripper.getText(document);
		}
		catch (IOException ex) {
			throw new AssertionError("not a readable PDF: " + ex.getMessage(), ex);
		}
	}

	private static String header(Cookie cookie) {
		return cookie.getName() + "=" + cookie.getValue();
	}
}
