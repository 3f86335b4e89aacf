package be.ebox.messages.internal;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.time.zone.ZoneRules;
import java.util.List;
import java.util.Map;

import be.ebox.documents.Digests;
import be.ebox.messages.Message;
import be.ebox.messages.ReadableMessage;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.annotation.JsonSerialize;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The contract's definitions as the consultation API answers them, built from what the reading core returns. */
@Component
class ConsultationJson {

	static final DateTimeFormatter CONTRACT_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");

	static final ZoneId BELGIUM = ZoneId.of("Europe/Brussels");

	private final JsonMapper json;

	ConsultationJson(JsonMapper json) {
		this.json = json;
	}

	/** Contract {@code Ebox}. */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record Ebox(long numberOfMessages, long numberOfUnreadMessages, String lastReceiptDate, Double eboxSize) {
	}

	/** Contract {@code Messages}. */
	record Messages(List<MessageJson> items, long totalItems) {
	}

	/** Contract {@code Message}; written by {@link MessageJsonWriter}, as Jackson wrote it with {@code NON_NULL}. */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	@JsonSerialize(using = MessageJsonWriter.class)
	record MessageJson(String messageId, String originalMessageId, Map<String, String> subject, String receiptDate,
			String expirationDate, boolean readStatus, boolean visible, boolean registeredMail,
			JsonNode forTheAttentionOf, String messageTypeId, String senderOrganizationId, String senderApplicationId,
			Attachments attachments, boolean bodyMainContent, JsonNode businessDataList, boolean replyAuthorized) {
	}

	/** Contract {@code Attachments}. */
	record Attachments(List<Attachment> items, int totalItems) {
	}

	/** Contract {@code Attachment}; {@code size} in kB as the contract says. */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record Attachment(String attachmentId, Map<String, String> attachmentTitle, String fileName, boolean mainContent,
			String mediaType, double size, Digest digest, boolean attachmentSigned, String contentHref) {
	}

	record Digest(String digestMethod, String digestValue) {
	}

	private static final ZoneRules BELGIAN_TIME = BELGIUM.getRules();

	/**
	 * The contract's date-time, {@link #CONTRACT_TIME} in Belgian time, written by hand: through a ZonedDateTime and
	 * the pattern formatter, the two dates of each message were about a twentieth of the server time of a list of 25.
	 * The formatter still writes what the short form cannot hold (a year outside 1000–9999, an offset with seconds).
	 */
	static String time(Instant instant) {
		if (instant == null) {
			return null;
		}
		ZoneOffset offset = BELGIAN_TIME.getOffset(instant);
		LocalDateTime local = LocalDateTime.ofEpochSecond(instant.getEpochSecond(), 0, offset);
		if (local.getYear() < 1000 || local.getYear() > 9999 || offset.getTotalSeconds() % 60 != 0) {
			return CONTRACT_TIME.format(instant.truncatedTo(ChronoUnit.SECONDS).atZone(BELGIUM));
		}
		var text = new StringBuilder(25).append(local.getYear());
		twoDigits(text.append('-'), local.getMonthValue());
		twoDigits(text.append('-'), local.getDayOfMonth());
		twoDigits(text.append('T'), local.getHour());
		twoDigits(text.append(':'), local.getMinute());
		twoDigits(text.append(':'), local.getSecond());
		// "+01:00", "+02:00"; "Z" for a zero offset, as the pattern's XXX writes it
		return text.append(offset.getId()).toString();
	}

	private static void twoDigits(StringBuilder text, int value) {
		text.append((char) ('0' + value / 10)).append((char) ('0' + value % 10));
	}

	Ebox ebox(ConsultationQueries.Summary summary) {
		return new Ebox(summary.messages(), summary.unread(), time(summary.lastReceipt()),
				summary.attachmentBytes() / 1024.0);
	}

	/**
	 * Where this request reached the application ({@code scheme://host:port/context}), for the links of its answer:
	 * asked once per answer, not per attachment (building it parses the request's address).
	 */
	Links links() {
		return new Links(ServletUriComponentsBuilder.fromCurrentContextPath().toUriString());
	}

	/** The links of one answer, under the address the request came to. */
	record Links(String base) {

		/** The document of an attachment; the id (a UUID) and the position (digits) need no encoding. */
		String content(Message m, Message.Attachment a) {
			return base + ConsultationApi.MESSAGES + "/" + m.id() + "/attachments/" + a.position() + "/content";
		}
	}

	MessageJson message(ReadableMessage readable, ConsultationQueries.Extras extras, Links links) {
		Message m = readable.message();
		var subjects = new java.util.LinkedHashMap<String, String>();
		m.contents().values().stream().filter(c -> c.subject() != null).forEach(c -> subjects.put(c.language(), c.subject()));
		return new MessageJson(m.id().toString(), m.originalMessageId(), subjects, time(m.publishedAt()),
				time(m.expiresAt()), readable.state().isRead(), !readable.state().hidden(), m.registeredMail(),
				node(extras.forTheAttentionOf()), m.messageType().value(), m.senderOrganisation().digits(),
				m.senderApplication().value(), attachments(m, links), m.bodyMainContent(), businessData(extras.businessData()),
				m.replyAuthorized());
	}

	Attachments attachments(Message m, Links links) {
		return new Attachments(m.attachments().stream().map(a -> attachment(m, a, links)).toList(),
				m.attachments().size());
	}

	Attachment attachment(Message m, Message.Attachment a, Links links) {
		String href = links.content(m, a);
		return new Attachment(String.valueOf(a.position()), a.titles().isEmpty() ? null : a.titles(), a.fileName(),
				a.mainContent(), a.mediaType(), a.size() / 1024.0,
				new Digest("sha_256", Digests.hexToBase64Url(a.sha256())), a.signed(), href);
	}

	JsonNode node(String text) {
		return text == null ? null : json.readTree(text);
	}

	/** The sender's list as the contract's {@code BusinessDataList}; {@code name}, required there, is {} if not given. */
	private JsonNode businessData(String text) {
		if (text == null) {
			return null;
		}
		JsonNode given = json.readTree(text);
		ObjectNode list = json.createObjectNode();
		var items = list.putArray("items");
		for (JsonNode data : given) {
			ObjectNode item = items.addObject();
			for (String field : List.of("key", "name", "description", "values")) {
				JsonNode value = data.get(field);
				if (value != null && !value.isNull()) {
					item.set(field, value);
				}
			}
			if (!item.has("name")) {
				item.putObject("name");
			}
		}
		list.put("totalItems", items.size());
		return list;
	}
}
