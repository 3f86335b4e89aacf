package be.ebox.enrolment;

import be.ebox.registry.EnterpriseNumber;

/**
 * A registration as a legal representative asks for it.
 *
 * @param letterLanguage nl, fr, de or en: the language of the activation letter and of the main access manager's account
 */
public record RegistrationRequest(EnterpriseNumber enterprise, String representativeName, String email,
		String letterLanguage) {
}
