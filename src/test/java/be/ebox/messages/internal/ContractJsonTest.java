package be.ebox.messages.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.annotation.JsonSerialize;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The list's messages written by hand ({@link MessageJsonWriter}) read exactly as Jackson's record serializer wrote
 * them: same fields, same order, nulls left out where they were, text escaped the same way.
 */
class ContractJsonTest {

	/** Jackson's own serializer for the record, with the record's NON_NULL. */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	@JsonSerialize(using = ValueSerializer.None.class)
	interface RecordSerializer {
	}

	final JsonMapper byHand = JsonMapper.builder().build();

	final JsonMapper byJackson = JsonMapper.builder().addMixIn(ConsultationJson.MessageJson.class, RecordSerializer.class)
		.build();

	@Test
	void aFullMessageReadsTheSame() {
		Map<String, String> subject = new LinkedHashMap<>();
		subject.put("nl", "Uitnodiging \"sociale\" verkiezingen\n\t\u00e9\u00e8 <b>&</b> \u2028 \ud83d\uddf3");
		subject.put("fr", "\u00c9lections sociales \\ 2028");
		var title = new LinkedHashMap<String, String>(Map.of("de", "Anlage 1"));
		var attachments = new ConsultationJson.Attachments(List.of(
				new ConsultationJson.Attachment("1", title, "brochure.pdf", true, "application/pdf", 200.5,
						new ConsultationJson.Digest("sha_256", "q83vEjRWeJA"), false, "http://h:1/x/1/content"),
				new ConsultationJson.Attachment("2", null, "b.xml", false, "text/xml", 0.0009765625,
						new ConsultationJson.Digest("sha_256", null), true, null)),
				2);
		var message = new ConsultationJson.MessageJson("6f1c0d1e-0000-4000-8000-000000000001", "orig-1", subject,
				"2026-11-29T10:00:00+01:00", "2027-11-29T10:00:00+01:00", true, false, true,
				byHand.readTree("{\"name\":{\"nl\":\"Jan\"},\"ids\":[1,2.5,null,true]}"), "SpfFodInformation",
				"0308357159", "db2b.app", attachments, true,
				byHand.readTree("{\"items\":[{\"key\":\"k\",\"name\":{}}],\"totalItems\":1}"), false);
		assertSame(message);
		assertSame(new ConsultationJson.Messages(List.of(message, message), 10_004));
	}

	@Test
	void nullFieldsAreLeftOutAsBefore() {
		var message = new ConsultationJson.MessageJson("id", null, null, null, null, false, true, false, null, null,
				null, null, null, false, null, true);
		assertSame(message);
		assertThat(byHand.writeValueAsString(message)).doesNotContain("null");
		var emptyAttachments = new ConsultationJson.MessageJson("id", null, Map.of(), null, null, false, true, false,
				null, "T", "0308357159", "app", new ConsultationJson.Attachments(List.of(), 0), false, null, false);
		assertSame(emptyAttachments);
		var nullItems = new ConsultationJson.MessageJson("id", null, Map.of(), null, null, false, true, false, null,
				"T", "0308357159", "app", new ConsultationJson.Attachments(null, 0), false, null, false);
		assertSame(nullItems);
		// the sender's JSON text "null" is a JSON null node, not a missing field
		var nullNodes = new ConsultationJson.MessageJson("id", null, Map.of(), null, null, false, true, false,
				byHand.readTree("null"), "T", "0308357159", "app", null, false, byHand.readTree("null"), false);
		assertSame(nullNodes);
	}

	private void assertSame(Object value) {
		assertThat(byHand.writeValueAsString(value)).isEqualTo(byJackson.writeValueAsString(value));
	}
}
