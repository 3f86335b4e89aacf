package be.ebox.senders.internal;

import java.util.List;

import be.ebox.senders.MessageType;
import be.ebox.senders.SenderApplication;
import be.ebox.senders.SenderOrganisation;
import be.ebox.senders.TranslatedText;
import com.fasterxml.jackson.annotation.JsonInclude;

/** The reference-data bodies of the e-Box contract, field for field (definitions MessageType, SenderApplication, ...). */
final class ReferenceDataJson {

	private ReferenceDataJson() {
	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	record Translated(String nl, String fr, String de) {
		static Translated of(TranslatedText text) {
			return text == null || text.isEmpty() ? null : new Translated(text.nl(), text.fr(), text.de());
		}

		/** A plain text (URL) given for every language. */
		static Translated same(String text) {
			return text == null || text.isBlank() ? null : new Translated(text, text, text);
		}
	}

	record Validity(int validityPeriodNumber, String validityPeriodUnit) {
	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	record Image(String imageId, double size, String mediaType, String contentHref) {
	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	record MessageTypeBody(String messageTypeId, Translated messageTypeName, Translated messageTypeDescription,
			Validity validityPeriod, List<String> senderOrganizationIds, List<String> senderApplicationIds) {

		static MessageTypeBody of(MessageType type, List<SenderApplication> applications) {
			return new MessageTypeBody(type.id().value(), Translated.of(type.name()), Translated.of(type.description()),
					new Validity(type.validity().value(), type.validity().unit().contractName()),
					List.of(type.organisation().digits()), applications.stream().map(a -> a.id().value()).toList());
		}
	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	record SenderApplicationBody(String applicationId, Translated applicationName, List<Image> applicationLogos,
			Translated applicationUrl, List<String> senderOrganizationIds, List<String> messageTypeIds,
			String contactBusiness, String contactTechnical) {

		static SenderApplicationBody of(SenderApplication application, List<MessageType> types) {
			return new SenderApplicationBody(application.id().value(), Translated.of(application.name()), List.of(),
					Translated.same(application.url()), List.of(application.organisation().digits()),
					types.stream().map(t -> t.id().value()).toList(), application.contactBusiness(),
					application.contactTechnical());
		}
	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	record SenderOrganizationBody(String organizationId, Translated organizationShortName,
			Translated organizationLongName, List<Image> organizationLogos, Translated organizationUrl,
			List<String> senderApplicationIds, List<String> messageTypeIds, String contactBusiness,
			String contactTechnical) {

		static SenderOrganizationBody of(SenderOrganisation organisation, List<SenderApplication> applications,
				List<MessageType> types, String logoBaseHref) {
			List<Image> logos = organisation.logo()
				.map(logo -> List.of(new Image(logo.sha256(), Math.round(logo.size() / 1.024) / 1000.0, logo.mediaType(),
						logoBaseHref + logo.sha256() + "/content")))
				.orElse(List.of());
			return new SenderOrganizationBody(organisation.number().digits(), Translated.of(organisation.shortName()),
					Translated.of(organisation.longName()), logos, Translated.same(organisation.url()),
					applications.stream().map(a -> a.id().value()).toList(), types.stream().map(t -> t.id().value()).toList(),
					organisation.contactBusiness(), organisation.contactTechnical());
		}
	}

	record Paged<T>(List<T> items, int totalItems) {
	}
}
