package be.ebox.system;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Recognises a multipart request that the container refused for its size. Spring Security reads the CSRF token
 * before Spring MVC parses the upload; when the body is too large the token cannot be read and the request ends as a
 * 403. Telling the user "too large" (413) is the honest answer.
 */
final class UploadTooLarge {

	private UploadTooLarge() {
	}

	static boolean explains(HttpServletRequest request) {
		String type = request.getContentType();
		if (type == null || !type.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/")) {
			return false;
		}
		try {
			request.getParts();
			return false;
		}
		catch (Exception ex) {
			// the container keeps the parse failure; its message speaks of a size that exceeds a limit
			for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
				String message = cause.getMessage();
				if (message != null && message.toLowerCase(java.util.Locale.ROOT).contains("exceed")) {
					return true;
				}
			}
			return false;
		}
	}
}
