package be.ebox.senders.internal;

import be.ebox.registry.EnterpriseNumber;
import be.ebox.senders.SenderApplication;
import be.ebox.senders.SenderApplicationId;
import be.ebox.senders.TranslatedText;
import org.springframework.validation.Errors;

/** The sender application form of the operator pages. */
class ApplicationForm {

	private boolean existing;

	private String id, organisation;

	private String nameNl, nameFr, nameDe, nameEn;

	private String url, contactBusiness, contactTechnical;

	static ApplicationForm of(SenderApplication a) {
		var form = new ApplicationForm();
		form.existing = true;
		form.id = a.id().value();
		form.organisation = a.organisation().digits();
		form.nameNl = a.name().nl();
		form.nameFr = a.name().fr();
		form.nameDe = a.name().de();
		form.nameEn = a.name().en();
		form.url = a.url();
		form.contactBusiness = a.contactBusiness();
		form.contactTechnical = a.contactTechnical();
		return form;
	}

	void validate(Errors errors, JdbcReferenceData referenceData) {
		if (!SenderApplicationId.isValid(Fields.clean(id))) {
			errors.rejectValue("id", "senders.error.applicationId");
		}
		if (!EnterpriseNumber.isValid(organisation)
				|| referenceData.organisation(EnterpriseNumber.parse(organisation)).isEmpty()) {
			errors.rejectValue("organisation", "senders.error.organisation");
		}
		Fields.required(errors, "nameNl", nameNl, 200);
		Fields.required(errors, "nameFr", nameFr, 200);
		Fields.required(errors, "nameDe", nameDe, 200);
		Fields.required(errors, "nameEn", nameEn, 200);
		Fields.url(errors, "url", url);
		Fields.optional(errors, "contactBusiness", contactBusiness, 500);
		Fields.optional(errors, "contactTechnical", contactTechnical, 500);
	}

	SenderApplication toApplication() {
		return new SenderApplication(new SenderApplicationId(id.strip()), EnterpriseNumber.parse(organisation),
				new TranslatedText(Fields.clean(nameNl), Fields.clean(nameFr), Fields.clean(nameDe), Fields.clean(nameEn)),
				Fields.clean(url), Fields.clean(contactBusiness), Fields.clean(contactTechnical));
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
	public String getUrl() { return url; }
	public void setUrl(String v) { this.url = v; }
	public String getContactBusiness() { return contactBusiness; }
	public void setContactBusiness(String v) { this.contactBusiness = v; }
	public String getContactTechnical() { return contactTechnical; }
	public void setContactTechnical(String v) { this.contactTechnical = v; }
	// @formatter:on
}
