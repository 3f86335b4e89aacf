package be.ebox.senders.internal;

import java.util.Optional;

import be.ebox.registry.EnterpriseNumber;
import be.ebox.senders.SenderOrganisation;
import be.ebox.senders.TranslatedText;
import org.springframework.validation.Errors;

/** The organisation form of the operator pages. */
class OrganisationForm {

	private boolean existing;

	private String enterpriseNumber;

	private String shortNameNl, shortNameFr, shortNameDe, shortNameEn;

	private String longNameNl, longNameFr, longNameDe, longNameEn;

	private String url, contactBusiness, contactTechnical;

	static OrganisationForm of(SenderOrganisation o) {
		var form = new OrganisationForm();
		form.existing = true;
		form.enterpriseNumber = o.number().digits();
		form.shortNameNl = o.shortName().nl();
		form.shortNameFr = o.shortName().fr();
		form.shortNameDe = o.shortName().de();
		form.shortNameEn = o.shortName().en();
		form.longNameNl = o.longName().nl();
		form.longNameFr = o.longName().fr();
		form.longNameDe = o.longName().de();
		form.longNameEn = o.longName().en();
		form.url = o.url();
		form.contactBusiness = o.contactBusiness();
		form.contactTechnical = o.contactTechnical();
		return form;
	}

	void validate(Errors errors) {
		if (!EnterpriseNumber.isValid(enterpriseNumber)) {
			errors.rejectValue("enterpriseNumber", "senders.error.enterpriseNumber");
		}
		Fields.required(errors, "shortNameNl", shortNameNl, 200);
		Fields.required(errors, "shortNameFr", shortNameFr, 200);
		Fields.required(errors, "shortNameDe", shortNameDe, 200);
		Fields.required(errors, "shortNameEn", shortNameEn, 200);
		Fields.optional(errors, "longNameNl", longNameNl, 500);
		Fields.optional(errors, "longNameFr", longNameFr, 500);
		Fields.optional(errors, "longNameDe", longNameDe, 500);
		Fields.optional(errors, "longNameEn", longNameEn, 500);
		Fields.url(errors, "url", url);
		Fields.optional(errors, "contactBusiness", contactBusiness, 500);
		Fields.optional(errors, "contactTechnical", contactTechnical, 500);
	}

	SenderOrganisation toOrganisation() {
		return new SenderOrganisation(EnterpriseNumber.parse(enterpriseNumber),
				new TranslatedText(Fields.clean(shortNameNl), Fields.clean(shortNameFr), Fields.clean(shortNameDe),
						Fields.clean(shortNameEn)),
				new TranslatedText(Fields.clean(longNameNl), Fields.clean(longNameFr), Fields.clean(longNameDe),
						Fields.clean(longNameEn)),
				Fields.clean(url), Fields.clean(contactBusiness), Fields.clean(contactTechnical), Optional.empty());
	}

	// @formatter:off
	public boolean isExisting() { return existing; }
	public void setExisting(boolean existing) { this.existing = existing; }
	public String getEnterpriseNumber() { return enterpriseNumber; }
	public void setEnterpriseNumber(String v) { this.enterpriseNumber = v; }
	public String getShortNameNl() { return shortNameNl; }
	public void setShortNameNl(String v) { this.shortNameNl = v; }
	public String getShortNameFr() { return shortNameFr; }
	public void setShortNameFr(String v) { this.shortNameFr = v; }
	public String getShortNameDe() { return shortNameDe; }
	public void setShortNameDe(String v) { this.shortNameDe = v; }
	public String getShortNameEn() { return shortNameEn; }
	public void setShortNameEn(String v) { this.shortNameEn = v; }
	public String getLongNameNl() { return longNameNl; }
	public void setLongNameNl(String v) { this.longNameNl = v; }
	public String getLongNameFr() { return longNameFr; }
	public void setLongNameFr(String v) { this.longNameFr = v; }
	public String getLongNameDe() { return longNameDe; }
	public void setLongNameDe(String v) { this.longNameDe = v; }
	public String getLongNameEn() { return longNameEn; }
	public void setLongNameEn(String v) { this.longNameEn = v; }
	public String getUrl() { return url; }
	public void setUrl(String v) { this.url = v; }
	public String getContactBusiness() { return contactBusiness; }
	public void setContactBusiness(String v) { this.contactBusiness = v; }
	public String getContactTechnical() { return contactTechnical; }
	public void setContactTechnical(String v) { this.contactTechnical = v; }
	// @formatter:on
}
