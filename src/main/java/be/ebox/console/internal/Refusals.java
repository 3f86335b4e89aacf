package be.ebox.console.internal;

import java.util.Map;

import org.springframework.validation.BindingResult;

/**
 * A refusal code of the publication ({@code PublicationException.code()}) as a localized message on the field it is
 * about: {@code console.refused.<CODE>}; a code without a message of its own gets {@code console.refused.other}.
 */
final class Refusals {

	/** Codes with a message of their own, and the field they concern (null: the whole form). */
	static final Map<String, String> FIELDS = Map.ofEntries(Map.entry("UNKNOWN_RECIPIENT", "recipient"),
			Map.entry("INVALID_RECIPIENT", "recipient"), Map.entry("INVALID_SENDER", "messageType"),
			Map.entry("SUBJECT_TOO_LONG", "subjectNl"), Map.entry("INVALID_FILE_TYPE", "documents"),
			Map.entry("UNSUPPORTED_MEDIA_TYPE", "documents"), Map.entry("FILE_NAME_TOO_LONG", "documents"),
			Map.entry("FILE_TOO_LARGE", "documents"), Map.entry("DIGEST_DO_NOT_MATCH", "documents"),
			Map.entry("IDEMPOTENCY_KEY_REUSED", ""), Map.entry("INVALID_DATA", ""));

	private Refusals() {
	}

	static void reject(String code, BindingResult errors) {
		String field = FIELDS.get(code);
		if (field == null) {
			errors.reject("console.refused.other");
		}
		else if (field.isEmpty()) {
			errors.reject("console.refused." + code);
		}
		else {
			errors.rejectValue(field, "console.refused." + code);
		}
	}
}
