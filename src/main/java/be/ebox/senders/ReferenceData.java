package be.ebox.senders;

import java.util.List;
import java.util.Optional;

import be.ebox.registry.EnterpriseNumber;

/** Read access to the Message Registry reference data, for the other modules. */
public interface ReferenceData {

	Optional<SenderOrganisation> organisation(EnterpriseNumber number);

	/** Every sender organisation, by Dutch short name. */
	List<SenderOrganisation> organisations();

	Optional<SenderApplication> findApplication(SenderApplicationId id);

	Optional<MessageType> findMessageType(MessageTypeId id);

	List<SenderApplication> applicationsOf(EnterpriseNumber organisation);

	List<MessageType> messageTypesOf(EnterpriseNumber organisation);

	/** Every message type of every organisation, by id (e.g. for an enterprise choosing what to grant). */
	List<MessageType> messageTypes();

	/** Whether an application may publish messages of a type: both belong to the same organisation. */
	default boolean mayPublish(SenderApplicationId application, MessageTypeId type) {
		var app = findApplication(application);
		var messageType = findMessageType(type);
		return app.isPresent() && messageType.isPresent() && app.get().organisation().equals(messageType.get().organisation());
	}
}
