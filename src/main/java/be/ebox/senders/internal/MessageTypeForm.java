package be.ebox.senders.internal;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.Collectors;

import be.ebox.registry.EnterpriseNumber;
import be.ebox.senders.MessageKind;
import be.ebox.senders.MessageType;
import be.ebox.senders.MessageTypeId;
import be.ebox.senders.TranslatedText;
import be.ebox.senders.ValidityPeriod;
import org.springframework.validation.Errors;

/** The message type form of the operator pages. Business-data keys are typed comma-separated. */
class MessageTypeForm {

	private static final java.util.regex.Pattern KEY = java.util.regex.Pattern.compile("[A-Za-z0-9._-]{1,100}");

	private boolean existing;

	private String id, organisation;

	private String nameNl, nameFr, nameDe, nameEn;

	private String descriptionNl, descriptionFr, descriptionDe, descriptionEn;

	private String validityValue = "1";

	private String validityUnit = "YEAR";

	private boolean protectedType;

	private String kind = "DOCUMENT";

	private String businessDataKeys;

	static MessageTypeForm of(MessageType t) {
		var form = new MessageTypeForm();
		form.existing = true;
		form.id = t.id().value();
		form.organisation = t.organisation().digits();
		form.nameNl = t.name().nl();
		form.nameFr = t.name().fr();
		form.nameDe = t.name().de();
		form.nameEn = t.name().en();
		form.descriptionNl = t.description().nl();
		form.descriptionFr = t.description().fr();
		form.descriptionDe = t.description().de();
		form.descriptionEn = t.description().en();
		form.validityValue = Integer.toString(t.validity().value());
		form.validityUnit = t.validity().unit().name();
		form.protectedType = t.isProtected();
		form.kind = t.kind().name();
		form.businessDataKeys = String.join(", ", t.businessDataKeys());
		return form;
	}

	void validate(Errors errors, JdbcReferenceData referenceData) {
		if (!MessageTypeId.isValid(Fields.clean(id))) {
			errors.rejectValue("id", "senders.error.messageTypeId");
		}
		if (!EnterpriseNumber.isValid(organisation)
				|| referenceData.organisation(EnterpriseNumber.parse(organisation)).isEmpty()) {
			errors.rejectValue("organisation", "senders.error.organisation");
		}
		Fields.required(errors, "nameNl", nameNl, 200);
		Fields.required(errors, "nameFr", nameFr, 200);
		Fields.required(errors, "nameDe", nameDe, 200);
		Fields.required(errors, "nameEn", nameEn, 200);
		Fields.optional(errors, "descriptionNl", descriptionNl, 1000);
		Fields.optional(errors, "descriptionFr", descriptionFr, 1000);
		Fields.optional(errors, "descriptionDe", descriptionDe, 1000);
		Fields.optional(errors, "descriptionEn", descriptionEn, 1000);
		try {
			int value = Integer.parseInt(validityValue == null ? "" : validityValue.strip());
			if (value < 1 || value > ValidityPeriod.MAX_VALUE) {
				errors.rejectValue("validityValue", "senders.error.validity");
			}
		}
		catch (NumberFormatException ex) {
			errors.rejectValue("validityValue", "senders.error.validity");
		}
		if (Arrays.stream(ValidityPeriod.Unit.values()).noneMatch(u -> u.name().equals(validityUnit))) {
			errors.rejectValue("validityUnit", "senders.error.choose");
		}
		if (Arrays.stream(MessageKind.values()).noneMatch(k -> k.name().equals(kind))) {
			errors.rejectValue("kind", "senders.error.choose");
		}
		if (keys().stream().anyMatch(key -> !KEY.matcher(key).matches())) {
			errors.rejectValue("businessDataKeys", "senders.error.businessDataKeys");
		}
	}

	private Set<String> keys() {
		if (businessDataKeys == null || businessDataKeys.isBlank()) {
			return Set.of();
		}
		return Arrays.stream(businessDataKeys.split(","))
			.map(String::strip)
			.filter(key -> !key.isEmpty())
			.collect(Collectors.toCollection(LinkedHashSet::new));
	}

	MessageType toMessageType() {
		return new MessageType(new MessageTypeId(id.strip()), EnterpriseNumber.parse(organisation),
				new TranslatedText(Fields.clean(nameNl), Fields.clean(nameFr), Fields.clean(nameDe), Fields.clean(nameEn)),
				new TranslatedText(Fields.clean(descriptionNl), Fields.clean(descriptionFr), Fields.clean(descriptionDe),
						Fields.clean(descriptionEn)),
				new ValidityPeriod(Integer.parseInt(validityValue.strip()), ValidityPeriod.Unit.valueOf(validityUnit)),
				protectedType, MessageKind.valueOf(kind), keys());
	}

	// @formatter:off
	public boolean isExisting() { return existing; }
	public void setExisting(boolean existing) { this.existing = existing; }
	public String getId() { return id; }
	public void setId(String v) { this.id = v; }
	public String getOrganisation() { return organisation; }
	public void setOrganisation(String v) { this.organisation = v; }
	public String getNameNl() { return nameNl; }
	public void setNameNl(String v) { this.nameNl = v; }
	public String getNameFr() { return nameFr; }
	public void setNameFr(String v) { this.nameFr = v; }
	public String getNameDe() { return nameDe; }
	public void setNameDe(String v) { this.nameDe = v; }
	public String getNameEn() { return nameEn; }
	public void setNameEn(String v) { this.nameEn = v; }
	public String getDescriptionNl() { return descriptionNl; }
	public void setDescriptionNl(String v) { this.descriptionNl = v; }
	public String getDescriptionFr() { return descriptionFr; }
	public void setDescriptionFr(String v) { this.descriptionFr = v; }
	public String getDescriptionDe() { return descriptionDe; }
	public void setDescriptionDe(String v) { this.descriptionDe = v; }
	public String getDescriptionEn() { return descriptionEn; }
	public void setDescriptionEn(String v) { this.descriptionEn = v; }
	public String getValidityValue() { return validityValue; }
	public void setValidityValue(String v) { this.validityValue = v; }
	public String getValidityUnit() { return validityUnit; }
	public void setValidityUnit(String v) { this.validityUnit = v; }
	public boolean isProtectedType() { return protectedType; }
	public void setProtectedType(boolean v) { this.protectedType = v; }
	public String getKind() { return kind; }
	public void setKind(String v) { this.kind = v; }
	public String getBusinessDataKeys() { return businessDataKeys; }
	public void setBusinessDataKeys(String v) { this.businessDataKeys = v; }
	// @formatter:on
}
