package be.ebox.messages.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import be.ebox.access.Reader;
import be.ebox.messages.BusinessData;
import be.ebox.messages.MessageId;
import be.ebox.messages.Messages;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The column {@code message.business_data}: the contract's list of {@code key}, {@code name}, {@code values}. */
@Repository
class JdbcBusinessData implements BusinessData {

	private final JdbcClient jdbc;

	private final Messages messages;

	private final JsonMapper json;

	JdbcBusinessData(JdbcClient jdbc, Messages messages, JsonMapper json) {
		this.jdbc = jdbc;
		this.messages = messages;
		this.json = json;
	}

	@Override
	@Transactional(readOnly = true)
	public List<Item> of(Reader reader, MessageId id, String language) {
		if (messages.findFor(reader, id).isEmpty()) {
			return List.of();
		}
		String text = jdbc.sql("SELECT business_data FROM message WHERE id = ?")
			.param(id.value())
			.query(String.class)
			.optional()
			.orElse(null);
		if (text == null) {
			return List.of();
		}
		var items = new ArrayList<Item>();
		for (JsonNode data : json.readTree(text)) {
			String key = data.path("key").asString("");
			String label = translated(data.get("name"), language);
			String values = data.has("values") && data.get("values").isArray()
					? StreamSupport.stream(data.get("values").spliterator(), false)
						.map(value -> translated(value, language))
						.filter(value -> value != null)
						.collect(Collectors.joining(", "))
					: "";
			items.add(new Item(key, label == null || label.isBlank() ? key : label, values));
		}
		return items;
	}

	/** A plain value as it is; a translated one in the language, else in the first language given. */
	private static String translated(JsonNode node, String language) {
		if (node == null || node.isNull()) {
			return null;
		}
		if (node.isValueNode()) {
			return node.asString();
		}
		JsonNode inLanguage = node.get(language);
		if (inLanguage != null && inLanguage.isValueNode()) {
			return inLanguage.asString();
		}
		for (JsonNode value : node.values()) {
			if (value.isValueNode()) {
				return value.asString();
			}
		}
		return null;
	}
}
