package be.ebox.senders.internal;

import java.net.URI;

import org.springframework.validation.Errors;

/** Small checks shared by the operator forms; each rejection names a message key of the senders bundle. */
final class Fields {

	private Fields() {
	}

	static String clean(String text) {
		return text == null || text.isBlank() ? null : text.strip();
	}

	static void required(Errors errors, String field, String value, int max) {
		if (clean(value) == null) {
			errors.rejectValue(field, "senders.error.required");
		}
		else {
			optional(errors, field, value, max);
		}
	}

	static void optional(Errors errors, String field, String value, int max) {
		if (value != null && value.strip().length() > max) {
			errors.rejectValue(field, "senders.error.tooLong", new Object[] { max }, null);
		}
	}

	static void url(Errors errors, String field, String value) {
		String url = clean(value);
		if (url == null) {
			return;
		}
		try {
			var uri = URI.create(url);
			if (!"https".equals(uri.getScheme()) && !"http".equals(uri.getScheme()) || uri.getHost() == null || url.length() > 500) {
				errors.rejectValue(field, "senders.error.url");
			}
		}
		catch (IllegalArgumentException ex) {
			errors.rejectValue(field, "senders.error.url");
		}
	}
}
