package be.ebox.messages.internal;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import tools.jackson.databind.JsonNode;

/** The JSON part {@code messageToPublish} of the contract (definition {@code MessageToPublish}); unknown fields ignored. */
@JsonIgnoreProperties(ignoreUnknown = true)
record MessageToPublish(EboxId recipient, Translated subject, Translated bodyContent, Boolean bodyMainContent,
		List<BusinessData> businessDataList, String expirationDate, JsonNode forTheAttentionOf, String messageTypeId,
		String originalMessageId, JsonNode paymentData, Boolean registeredMail, Boolean replyAuthorized,
		String senderApplicationId, String senderOrganizationId, List<AttachmentToPublish> attachments) {

	@JsonIgnoreProperties(ignoreUnknown = true)
	record EboxId(String eboxType, String eboxIdValue) {
	}

	/** Contract {@code TranslatedString}: nl, fr, de (and en, which some definitions mention). */
	@JsonIgnoreProperties(ignoreUnknown = true)
	record Translated(String nl, String fr, String de, String en) {

		String in(String language) {
			return switch (language) {
				case "nl" -> nl;
				case "fr" -> fr;
				case "de" -> de;
				default -> en;
			};
		}
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record BusinessData(String key, JsonNode name, JsonNode description, JsonNode values) {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record AttachmentToPublish(Boolean attachmentSigned, Translated attachmentTitle, Digest digest, String httpPartName,
			Boolean mainContent) {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record Digest(String digestMethod, String digestValue) {
	}

	static final List<String> LANGUAGES = List.of("nl", "fr", "de", "en");
}
