package be.ebox.messages.internal;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The variables of a bulk template: {@code {{name}}} is replaced by the line's value for {@code name}, as plain text.
 * Deliberately no template engine: a value is never evaluated, and a value that itself looks like {@code {{x}}} stays
 * as it is (one pass over the template, never over the values).
 */
final class Placeholders {

	static final Pattern VARIABLE = Pattern.compile("\\{\\{\\s*([A-Za-z][A-Za-z0-9_.-]{0,63})\\s*\\}\\}");

	private Placeholders() {
	}

	static Set<String> names(String template) {
		var names = new LinkedHashSet<String>();
		if (template != null) {
			Matcher matcher = VARIABLE.matcher(template);
			while (matcher.find()) {
				names.add(matcher.group(1));
			}
		}
		return names;
	}

	/** @throws MissingVariable when the template names a variable the line does not give */
	static String fill(String template, Map<String, String> values) {
		if (template == null || template.indexOf("{{") < 0) {
			return template;
		}
		Matcher matcher = VARIABLE.matcher(template);
		var filled = new StringBuilder(template.length() + 32);
		while (matcher.find()) {
			String value = values.get(matcher.group(1));
			if (value == null) {
				throw new MissingVariable(matcher.group(1));
			}
			matcher.appendReplacement(filled, Matcher.quoteReplacement(value));
		}
		matcher.appendTail(filled);
		return filled.toString();
	}

	static final class MissingVariable extends RuntimeException {

		MissingVariable(String name) {
			super("The template uses {{" + name + "}} but this line gives no value for " + name, null, false, false);
		}
	}
}
