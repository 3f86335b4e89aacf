package be.ebox.messages.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import be.ebox.documents.Digests;
import be.ebox.messages.Message;

/** Links the contract's {@code attachments} to the uploaded file parts by {@code httpPartName}, digests checked. */
final class Attachments {

	private Attachments() {
	}

	static List<Message.Attachment> link(List<MessageToPublish.AttachmentToPublish> declared,
			Map<String, UploadedFile> files) {
		List<Message.Attachment> linked = new ArrayList<>();
		var used = new HashSet<String>();
		if (declared != null) {
			for (var attachment : declared) {
				if (attachment == null || attachment.httpPartName() == null) {
					throw PublicationRefused.invalid("INVALID_DATA", "Every attachment needs an httpPartName");
				}
				String part = attachment.httpPartName();
				UploadedFile file = files.get(part);
				if (file == null) {
					throw PublicationRefused.invalid("MISSING_PART",
							"The attachment httpPartName " + part + " names no uploaded file part (upfile1 to upfile6)");
				}
				if (!used.add(part)) {
					throw PublicationRefused.invalid("INVALID_DATA", "Two attachments name the part " + part);
				}
				checkDigest(attachment.digest(), file);
				linked.add(new Message.Attachment(linked.size() + 1, part, file.fileName(), file.mediaType(),
						file.blob().size(), file.blob().sha256(), Boolean.TRUE.equals(attachment.mainContent()),
						Boolean.TRUE.equals(attachment.attachmentSigned()), titles(attachment.attachmentTitle())));
			}
		}
		for (String part : files.keySet()) {
			if (!used.contains(part)) {
				throw PublicationRefused.invalid("INVALID_DATA",
						"The file part " + part + " is described by no attachment (httpPartName)");
			}
		}
		return linked;
	}

	private static void checkDigest(MessageToPublish.Digest digest, UploadedFile file) {
		if (digest == null) {
			return;
		}
		if (!"sha_256".equals(digest.digestMethod()) || digest.digestValue() == null) {
			throw PublicationRefused.invalid("INVALID_DATA", "A digest needs digestMethod sha_256 and a digestValue");
		}
		if (!Digests.sameBase64Url(digest.digestValue(), file.blob().digestBase64Url())) {
			throw PublicationRefused.invalid("DIGEST_DO_NOT_MATCH",
					"The SHA-256 of the file of part " + file.partName() + " does not match its digestValue");
		}
	}

	private static Map<String, String> titles(MessageToPublish.Translated title) {
		Map<String, String> titles = new LinkedHashMap<>();
		if (title != null) {
			for (String language : MessageToPublish.LANGUAGES) {
				String text = title.in(language);
				if (text != null && !text.isBlank()) {
					if (text.length() > 255) {
						throw PublicationRefused.invalid("INVALID_DATA", "An attachment title is longer than 255 characters");
					}
					titles.put(language, text);
				}
			}
		}
		return titles;
	}
}
