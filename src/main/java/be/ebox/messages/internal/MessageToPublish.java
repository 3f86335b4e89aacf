package be.ebox.messages.internal;

import java.util.List;

import tools.jackson.databind.JsonNode;

/** The JSON part {@code messageToPublish} of the contract (definition {@code MessageToPublish}); unknown fields ignored. */
record MessageToPublish(EboxId recipient, Translated subject, Translated bodyContent, Boolean bodyMainContent,
		List<BusinessData> businessDataList, String expirationDate, JsonNode forTheAttentionOf, String messageTypeId,
		String originalMessageId, JsonNode paymentData, Boolean registeredMail, Boolean replyAuthorized,
		String senderApplicationId, String senderOrganizationId, List<AttachmentToPublish> attachments) {

	record EboxId(String eboxType, String eboxIdValue) {
	}

	/** Contract {@code TranslatedString}: nl, fr, de (and en, which some definitions mention). */
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

	record BusinessData(String key, JsonNode name, JsonNode description, JsonNode values) {
	}

	record AttachmentToPublish(Boolean attachmentSigned, Translated attachmentTitle, Digest digest, String httpPartName,
			Boolean mainContent) {
	}

	record Digest(String digestMethod, String digestValue) {
	}

	static final List<String> LANGUAGES = List.of("nl", "fr", "de", "en");
}
