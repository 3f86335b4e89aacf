package be.ebox.messages.internal;

import java.util.ArrayList;
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
		return Compiled.of(template).fill(values);
	}

	/**
	 * A template split once into its texts and variables, so that a chunk's thousand lines are filled by appending
	 * strings instead of running the regular expression over the template again for each line.
	 */
	static final class Compiled {

		/** One more than {@link #variables}: the text before each variable, then the text after the last. */
		private final String[] texts;

		private final String[] variables;

		/** The template itself when it has no variable (or is null): filling returns it as it is. */
		private final String constant;

		private final int length;

		private Compiled(String[] texts, String[] variables, String constant, int length) {
			this.texts = texts;
			this.variables = variables;
			this.constant = constant;
			this.length = length;
		}

		static Compiled of(String template) {
			if (template == null || template.indexOf("{{") < 0) {
				return new Compiled(null, null, template, 0);
			}
			var texts = new ArrayList<String>();
			var variables = new ArrayList<String>();
			Matcher matcher = VARIABLE.matcher(template);
			int end = 0;
			while (matcher.find()) {
				texts.add(template.substring(end, matcher.start()));
				variables.add(matcher.group(1));
				end = matcher.end();
			}
			if (variables.isEmpty()) {
				return new Compiled(null, null, template, 0);
			}
			texts.add(template.substring(end));
			int length = texts.stream().mapToInt(String::length).sum();
			return new Compiled(texts.toArray(String[]::new), variables.toArray(String[]::new), null, length);
		}

		/** @throws MissingVariable when the template names a variable the line does not give */
		String fill(Map<String, String> values) {
			if (variables == null) {
				return constant;
			}
			var filled = new StringBuilder(length + 16 * variables.length);
			for (int i = 0; i < variables.length; i++) {
				String value = values.get(variables[i]);
				if (value == null) {
					throw new MissingVariable(variables[i]);
				}
				filled.append(texts[i]).append(value);
			}
			return filled.append(texts[variables.length]).toString();
		}
	}

	static final class MissingVariable extends RuntimeException {

		MissingVariable(String name) {
			super("The template uses {{" + name + "}} but this line gives no value for " + name, null, false, false);
		}
	}
}
