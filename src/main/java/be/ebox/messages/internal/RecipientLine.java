package be.ebox.messages.internal;

import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One line of a recipients file: the enterprise, its variables and optionally its own document, either named (a file
 * of the uploaded ZIP) or inline (NDJSON, base64). Parsing refuses a line with a reason; the other lines go on.
 * @param documentName the file name of the personal document, or null
 * @param inlineDocument its bytes when given inline, else null (then it is looked up by name)
 */
record RecipientLine(long line, String enterpriseNumber, Map<String, String> variables, String documentName,
		byte[] inlineDocument) {

	static final String ENTERPRISE_NUMBER = "enterpriseNumber";

	static final String DOCUMENT = "document";

	/** A line that cannot be read; the reason says why, without echoing the line (it may hold personal data). */
	static final class Malformed extends RuntimeException {

		Malformed(String reason) {
			super(reason, null, false, false);
		}
	}

	/** The columns of a CSV header line; {@code enterpriseNumber} is required, {@code document} optional. */
	static List<String> csvHeader(String headerLine) {
		List<String> columns = splitCsv(stripBom(headerLine));
		if (columns.stream().noneMatch(ENTERPRISE_NUMBER::equals)) {
			throw new Malformed("The CSV header (first line) must have a column " + ENTERPRISE_NUMBER);
		}
		if (columns.stream().distinct().count() != columns.size()) {
			throw new Malformed("The CSV header (first line) names a column twice");
		}
		for (String column : columns) {
			if (!column.equals(ENTERPRISE_NUMBER) && !column.equals(DOCUMENT)
					&& !Placeholders.VARIABLE.matcher("{{" + column + "}}").matches()) {
				throw new Malformed("The CSV column name '" + column
						+ "' is not a variable name (a letter, then letters, digits, '_', '.' or '-', at most 64)");
			}
		}
		return columns;
	}

	static RecipientLine csv(long line, String text, List<String> header) {
		List<String> values = splitCsv(text);
		if (values.size() != header.size()) {
			throw new Malformed("The line has " + values.size() + " values where the header has " + header.size()
					+ " columns");
		}
		var variables = new HashMap<String, String>();
		String number = null;
		String document = null;
		for (int i = 0; i < values.size(); i++) {
			String column = header.get(i);
			if (column.equals(ENTERPRISE_NUMBER)) {
				number = values.get(i).strip();
			}
			else if (column.equals(DOCUMENT)) {
				document = values.get(i).isBlank() ? null : values.get(i).strip();
			}
			else {
				variables.put(column, values.get(i));
			}
		}
		return new RecipientLine(line, number, variables, document, null);
	}

	static RecipientLine ndjson(long line, String text, JsonMapper json) {
		JsonNode node;
		try {
			node = json.readTree(text);
		}
		catch (JacksonException ex) {
			throw new Malformed("The line is not a JSON object");
		}
		if (node == null || !node.isObject()) {
			throw new Malformed("The line is not a JSON object");
		}
		JsonNode number = node.get(ENTERPRISE_NUMBER);
		if (number == null || !number.isString()) {
			throw new Malformed("The line has no " + ENTERPRISE_NUMBER + " (a string)");
		}
		var variables = new HashMap<String, String>();
		JsonNode given = node.get("variables");
		if (given != null && !given.isNull()) {
			if (!given.isObject()) {
				throw new Malformed("variables must be a JSON object of names and texts");
			}
			for (var entry : given.properties()) {
				if (!entry.getValue().isValueNode() || entry.getValue().isNull()) {
					throw new Malformed("The variable " + entry.getKey() + " must be a text or a number");
				}
				variables.put(entry.getKey(), entry.getValue().asString());
			}
		}
		JsonNode document = node.get(DOCUMENT);
		String documentName = null;
		byte[] inline = null;
		if (document != null && !document.isNull()) {
			if (document.isString()) {
				documentName = document.asString();
			}
			else if (document.isObject() && document.path("fileName").isString()) {
				documentName = document.get("fileName").asString();
				JsonNode content = document.get("content");
				if (content != null && !content.isNull()) {
					if (!content.isString()) {
						throw new Malformed("document.content must be the document in base64");
					}
					try {
						// strict alphabet (the MIME decoder would skip any stray character); line breaks allowed
						String base64 = content.asString();
						inline = Base64.getDecoder().decode(base64.indexOf('\n') < 0 && base64.indexOf(' ') < 0
								&& base64.indexOf('\r') < 0 ? base64 : base64.replaceAll("\\s+", ""));
					}
					catch (IllegalArgumentException ex) {
						throw new Malformed("document.content is not valid base64");
					}
				}
			}
			else {
				throw new Malformed("document must be a file name or an object with fileName and content (base64)");
			}
			if (documentName.isBlank()) {
				throw new Malformed("The document's fileName is empty");
			}
		}
		return new RecipientLine(line, number.asString().strip(), variables, documentName, inline);
	}

	/** RFC 4180 fields of one line; a quoted field may hold commas and doubled quotes, not a line break. */
	static List<String> splitCsv(String text) {
		List<String> fields = new ArrayList<>();
		var field = new StringBuilder();
		int i = 0;
		int n = text.length();
		while (true) {
			field.setLength(0);
			if (i < n && text.charAt(i) == '"') {
				i++;
				while (true) {
					if (i >= n) {
						throw new Malformed("A quoted value is not closed (a value may not span lines)");
					}
					char c = text.charAt(i++);
					if (c == '"') {
						if (i < n && text.charAt(i) == '"') {
							field.append('"');
							i++;
						}
						else {
							break;
						}
					}
					else {
						field.append(c);
					}
				}
				if (i < n && text.charAt(i) != ',') {
					throw new Malformed("Text after a closing quote; a quote inside a value must be doubled");
				}
			}
			else {
				while (i < n && text.charAt(i) != ',') {
					char c = text.charAt(i++);
					if (c == '"') {
						throw new Malformed("A quote inside an unquoted value; quote the value and double the quote");
					}
					field.append(c);
				}
			}
			fields.add(field.toString());
			if (i >= n) {
				return fields;
			}
			i++; // the comma
		}
	}

	static String stripBom(String text) {
		return text.startsWith("\uFEFF") ? text.substring(1) : text;
	}
}
