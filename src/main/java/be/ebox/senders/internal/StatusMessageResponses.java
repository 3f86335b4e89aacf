package be.ebox.senders.internal;

import java.io.IOException;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * 401 and 403 of the machine API in the contract's {@code StatusMessage} shape, with the standard
 * {@code WWW-Authenticate: Bearer ...} header (RFC 6750), instead of a redirect to the sign-in page.
 */
final class StatusMessageResponses {

	private StatusMessageResponses() {
	}

	static AuthenticationEntryPoint unauthorized() {
		var bearer = new BearerTokenAuthenticationEntryPoint();
		return (request, response, exception) -> {
			bearer.commence(request, response, exception);
			write(response, HttpServletResponse.SC_UNAUTHORIZED, "UNAUTHORIZED",
					"A valid bearer access token is required (OAuth2 client credentials at /oauth2/token).");
		};
	}

	static AccessDeniedHandler forbidden() {
		var bearer = new BearerTokenAccessDeniedHandler();
		return (request, response, exception) -> {
			bearer.handle(request, response, exception);
			write(response, HttpServletResponse.SC_FORBIDDEN, "FORBIDDEN",
					"The access token does not carry the scope this operation needs.");
		};
	}

	/** Code and message are constants of this class, never request input, so plain formatting is safe. */
	static void write(HttpServletResponse response, int status, String code, String message) throws IOException {
		response.setStatus(status);
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		response.getWriter()
			.write("{\"id\":\"" + UUID.randomUUID() + "\",\"code\":\"" + code + "\",\"message\":\"" + message + "\"}");
	}
}
