package be.ebox.enrolment.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import be.ebox.registry.EnterpriseNumber;
import be.ebox.registry.InvalidEnterpriseNumberException;
import be.ebox.system.Languages;

/** What the registration page posts; {@link #errors()} maps each wrong field to a message key. */
public class RegistrationForm {

	private String enterpriseNumber = "";

	private String representativeName = "";

	private String email = "";

	private String letterLanguage = "";

	private final Map<String, String> errors = new LinkedHashMap<>();

	/** Checks the fields that need no database; returns the parsed number when it is valid. */
	EnterpriseNumber validate() {
		EnterpriseNumber number = null;
		try {
			number = EnterpriseNumber.parse(enterpriseNumber);
		}
		catch (InvalidEnterpriseNumberException ex) {
			errors.put("enterpriseNumber", "registration.refused." + ex.reason());
		}
		if (representativeName == null || representativeName.isBlank()) {
			errors.put("representativeName", "registration.representativeName.required");
		}
		else if (representativeName.strip().length() > 200) {
			errors.put("representativeName", "registration.representativeName.tooLong");
		}
		if (email == null || email.isBlank()) {
			errors.put("email", "registration.email.required");
		}
		else if (!EnrolmentService.isValidEmail(email)) {
			errors.put("email", "registration.email.invalid");
		}
		if (!Languages.isSupported(letterLanguage)) {
			errors.put("letterLanguage", "registration.letterLanguage.required");
		}
		return number;
	}

	void reject(String field, String messageKey) {
		errors.put(field, messageKey);
	}

	public Map<String, String> errors() {
		return errors;
	}

	public boolean hasErrors() {
		return !errors.isEmpty();
	}

	public String getEnterpriseNumber() {
		return enterpriseNumber;
	}

	public void setEnterpriseNumber(String enterpriseNumber) {
		this.enterpriseNumber = enterpriseNumber;
	}

	public String getRepresentativeName() {
		return representativeName;
	}

	public void setRepresentativeName(String representativeName) {
		this.representativeName = representativeName;
	}

	public String getEmail() {
		return email;
	}

	public void setEmail(String email) {
		this.email = email;
	}

	public String getLetterLanguage() {
		return letterLanguage;
	}

	public void setLetterLanguage(String letterLanguage) {
		this.letterLanguage = letterLanguage;
	}
}
