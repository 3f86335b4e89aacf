package be.ebox.identity.internal;

import java.net.http.HttpHeaders;

import jakarta.servlet.Filter;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/** The security headers, on a page and on an error page, over real HTTP. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SecurityHeadersTest {

	@LocalServerPort
	int port;

	@Autowired
	WebApplicationContext context;

	@Test
	void aPageCarriesTheSecurityHeaders() throws Exception {
		var response = new Browser(port).get("/login");
		assertThat(response.statusCode()).isEqualTo(200);
		assertSecurityHeaders(response.headers());
	}

	@Test
	void anErrorPageCarriesThemToo() throws Exception {
		// a POST without CSRF token ends on the error page (403), rendered through the servlet error dispatch
		var response = new Browser(port).post("/logout", Browser.form());
		assertThat(response.statusCode()).isEqualTo(403);
		assertThat(response.body()).as("the error page, in the default language").contains("U mag deze pagina niet openen.");
		assertSecurityHeaders(response.headers());
	}

	@Test
	void aMissingPageCarriesThemToo() throws Exception {
		var response = new Browser(port).get("/css/does-not-exist.css");
		assertThat(response.statusCode()).isEqualTo(404);
		assertSecurityHeaders(response.headers());
	}

	@Test
	void strictTransportSecurityIsSentOverHttpsOnly() throws Exception {
		var mvc = MockMvcBuilders.webAppContextSetup(context)
			.addFilters(context.getBean("springSecurityFilterChain", Filter.class))
			.build();
		var secure = mvc.perform(get("/login").secure(true)).andReturn().getResponse();
		assertThat(secure.getHeader("Strict-Transport-Security")).isEqualTo("max-age=31536000 ; includeSubDomains");
		var plain = mvc.perform(get("/login")).andReturn().getResponse();
		assertThat(plain.getHeader("Strict-Transport-Security")).isNull();
	}

	static void assertSecurityHeaders(HttpHeaders headers) {
		assertThat(headers.firstValue("Content-Security-Policy")).get().asString()
			.contains("default-src 'self'", "script-src 'self'", "style-src 'self'", "frame-ancestors 'none'",
					"object-src 'none'")
			.doesNotContain("unsafe-inline").doesNotContain("unsafe-eval");
		assertThat(headers.firstValue("X-Content-Type-Options")).contains("nosniff");
		assertThat(headers.firstValue("X-Frame-Options")).contains("DENY");
		assertThat(headers.firstValue("Referrer-Policy")).contains("same-origin");
		assertThat(headers.firstValue("Permissions-Policy")).get().asString()
			.contains("camera=()", "microphone=()", "geolocation=()");
		assertThat(headers.firstValue("Cross-Origin-Opener-Policy")).contains("same-origin");
		assertThat(headers.firstValue("Strict-Transport-Security")).as("plain HTTP").isEmpty();
	}
}
