package be.ebox.messages.internal;

import java.util.Map;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueSerializer;

/**
 * Writes a {@link ConsultationJson.MessageJson} (and its attachments) field by field, in the order and with the
 * omissions Jackson's record serializer used ({@code NON_NULL}: a null field is left out; map entries as they are).
 * A list answer holds 25 of them: going through the bean serializer (an accessor call, an inclusion check and a
 * serializer look-up per field, for the message and each attachment) was about a tenth of the server time of the list.
 * {@code ContractJsonTest} compares both ways of writing.
 */
final class MessageJsonWriter extends ValueSerializer<ConsultationJson.MessageJson> {

	@Override
	public void serialize(ConsultationJson.MessageJson m, JsonGenerator json, SerializationContext context)
			throws JacksonException {
		json.writeStartObject(m);
		text(json, "messageId", m.messageId());
		text(json, "originalMessageId", m.originalMessageId());
		texts(json, "subject", m.subject());
		text(json, "receiptDate", m.receiptDate());
		text(json, "expirationDate", m.expirationDate());
		json.writeBooleanProperty("readStatus", m.readStatus());
		json.writeBooleanProperty("visible", m.visible());
		json.writeBooleanProperty("registeredMail", m.registeredMail());
		tree(json, "forTheAttentionOf", m.forTheAttentionOf(), context);
		text(json, "messageTypeId", m.messageTypeId());
		text(json, "senderOrganizationId", m.senderOrganizationId());
		text(json, "senderApplicationId", m.senderApplicationId());
		if (m.attachments() != null) {
			json.writeName("attachments");
			attachments(json, m.attachments());
		}
		json.writeBooleanProperty("bodyMainContent", m.bodyMainContent());
		tree(json, "businessDataList", m.businessDataList(), context);
		json.writeBooleanProperty("replyAuthorized", m.replyAuthorized());
		json.writeEndObject();
	}

	private static void attachments(JsonGenerator json, ConsultationJson.Attachments attachments) {
		json.writeStartObject(attachments);
		if (attachments.items() == null) {
			// the record serializer writes a null list of a record without NON_NULL
			json.writeNullProperty("items");
		}
		else {
			json.writeArrayPropertyStart("items");
			for (ConsultationJson.Attachment a : attachments.items()) {
				attachment(json, a);
			}
			json.writeEndArray();
		}
		json.writeNumberProperty("totalItems", attachments.totalItems());
		json.writeEndObject();
	}

	private static void attachment(JsonGenerator json, ConsultationJson.Attachment a) {
		if (a == null) {
			json.writeNull();
			return;
		}
		json.writeStartObject(a);
		text(json, "attachmentId", a.attachmentId());
		texts(json, "attachmentTitle", a.attachmentTitle());
		text(json, "fileName", a.fileName());
		json.writeBooleanProperty("mainContent", a.mainContent());
		text(json, "mediaType", a.mediaType());
		json.writeNumberProperty("size", a.size());
		if (a.digest() != null) {
			json.writeObjectPropertyStart("digest");
			// Digest has no NON_NULL: its nulls are written
			json.writeStringProperty("digestMethod", a.digest().digestMethod());
			json.writeStringProperty("digestValue", a.digest().digestValue());
			json.writeEndObject();
		}
		json.writeBooleanProperty("attachmentSigned", a.attachmentSigned());
		text(json, "contentHref", a.contentHref());
		json.writeEndObject();
	}

	private static void text(JsonGenerator json, String name, String value) {
		if (value != null) {
			json.writeStringProperty(name, value);
		}
	}

	private static void texts(JsonGenerator json, String name, Map<String, String> values) {
		if (values == null) {
			return;
		}
		json.writeObjectPropertyStart(name);
		for (Map.Entry<String, String> entry : values.entrySet()) {
			json.writeStringProperty(entry.getKey(), entry.getValue());
		}
		json.writeEndObject();
	}

	private static void tree(JsonGenerator json, String name, JsonNode value, SerializationContext context) {
		if (value != null) {
			json.writeName(name);
			context.writeTree(json, value);
		}
	}
}
