package be.ebox.senders;

import java.util.Set;

import be.ebox.registry.EnterpriseNumber;

/**
 * A business category of messages (attestation X, declaration Y, ...), owned by one sender organisation; every
 * application of that organisation may publish it.
 * @param isProtected whether reading it needs a specific grant in the enterprise (protected documents)
 * @param businessDataKeys the business-data keys a publication of this type may carry
 */
public record MessageType(MessageTypeId id, EnterpriseNumber organisation, TranslatedText name,
		TranslatedText description, ValidityPeriod validity, boolean isProtected, MessageKind kind,
		Set<String> businessDataKeys) {
}
