package be.ebox.messages.internal;

import be.ebox.registry.EnterpriseNumber;
import be.ebox.senders.MachineClaims;
import be.ebox.senders.MessageType;
import be.ebox.senders.MessageTypeId;
import be.ebox.senders.ReferenceData;
import be.ebox.senders.SenderApplicationId;
import org.springframework.stereotype.Component;

/**
 * A sender publishes only as itself: the application and organisation of its token, and message types of that
 * organisation. The JSON may repeat them ({@code senderApplicationId}, {@code senderOrganizationId}); when it names
 * another one the publication is refused with {@code INVALID_SENDER}.
 */
@Component
class SenderCheck {

	static final String INVALID_SENDER = "INVALID_SENDER";

	private final ReferenceData referenceData;

	SenderCheck(ReferenceData referenceData) {
		this.referenceData = referenceData;
	}

	/** @return the message type, which belongs to the caller's organisation */
	MessageType check(MachineClaims claims, MessageToPublish request) {
		if (claims.application().isEmpty() || claims.organisation().isEmpty()) {
			throw refused("The access token names no sender application: only sender applications may publish");
		}
		SenderApplicationId application = claims.application().get();
		EnterpriseNumber organisation = claims.organisation().get();
		if (request.senderApplicationId() != null && !request.senderApplicationId().equals(application.value())) {
			throw refused("senderApplicationId " + request.senderApplicationId()
					+ " is not the application of the access token");
		}
		if (request.senderOrganizationId() != null && !(EnterpriseNumber.isValid(request.senderOrganizationId())
				&& EnterpriseNumber.parse(request.senderOrganizationId()).equals(organisation))) {
			throw refused("senderOrganizationId " + request.senderOrganizationId()
					+ " is not the organisation of the access token");
		}
		var registered = referenceData.findApplication(application);
		if (registered.isEmpty() || !registered.get().organisation().equals(organisation)) {
			throw refused("The sender application " + application.value() + " is not registered for its organisation");
		}
		if (request.messageTypeId() == null) {
			throw PublicationRefused.invalid("INVALID_DATA", "messageTypeId is missing");
		}
		var type = MessageTypeId.isValid(request.messageTypeId())
				? referenceData.findMessageType(new MessageTypeId(request.messageTypeId())) : java.util.Optional.<MessageType>empty();
		if (type.isEmpty() || !type.get().organisation().equals(organisation)) {
			throw refused("The message type " + request.messageTypeId() + " is not one of your organisation's");
		}
		return type.get();
	}

	private static PublicationRefused refused(String message) {
		return PublicationRefused.invalid(INVALID_SENDER, message);
	}
}
