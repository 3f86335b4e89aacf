package be.ebox.senders;

import be.ebox.registry.EnterpriseNumber;

/** An application (online service) of a sender organisation that publishes messages through the API. */
public record SenderApplication(SenderApplicationId id, EnterpriseNumber organisation, TranslatedText name, String url,
		String contactBusiness, String contactTechnical) {
}
