package be.ebox.enrolment;

import be.ebox.registry.EnterpriseNumber;
import be.ebox.registry.PostalAddress;

/** What a registration may tell the person who registered: where the letter goes. Never the username or code. */
public record RegistrationReceipt(EnterpriseNumber enterprise, String enterpriseName, PostalAddress registeredOffice,
		String letterLanguage) {
}
