package be.ebox.senders.internal;

import java.util.Optional;
import java.util.Set;

import be.ebox.registry.EnterpriseNumber;
import be.ebox.senders.DemoReferenceData;
import be.ebox.senders.MessageKind;
import be.ebox.senders.MessageType;
import be.ebox.senders.MessageTypeId;
import be.ebox.senders.SenderApplication;
import be.ebox.senders.SenderApplicationId;
import be.ebox.senders.SenderOrganisation;
import be.ebox.senders.TranslatedText;
import be.ebox.senders.ValidityPeriod;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class DemoReferenceDataInstaller implements DemoReferenceData {

	private final JdbcReferenceData referenceData;

	private final JdbcMachineClients clients;

	DemoReferenceDataInstaller(JdbcReferenceData referenceData, JdbcMachineClients clients) {
		this.referenceData = referenceData;
		this.clients = clients;
	}

	@Override
	@Transactional
	public void install(String clientSecret) {
		if (clientSecret == null || clientSecret.isBlank()) {
			throw new IllegalArgumentException("The demo client needs a secret");
		}
		var organisation = EnterpriseNumber.parse(ORGANISATION);
		referenceData.save(new SenderOrganisation(organisation,
				new TranslatedText("FOD Werkgelegenheid", "SPF Emploi", "FÖD Beschäftigung", "FPS Employment"),
				new TranslatedText("FOD Werkgelegenheid, Arbeid en Sociaal Overleg",
						"SPF Emploi, Travail et Concertation sociale", "FÖD Beschäftigung, Arbeit und Soziale Konzertierung",
						"FPS Employment, Labour and Social Dialogue"),
				"https://employment.belgium.be", "https://employment.belgium.be/contact", null, Optional.empty()));
		var application = new SenderApplicationId(APPLICATION);
		referenceData.save(new SenderApplication(application, organisation,
				new TranslatedText("Sociale verkiezingen", "Élections sociales", "Sozialwahlen", "Social elections"),
				"https://www.socialelections.belgium.be", null, null));
		referenceData.save(new MessageType(new MessageTypeId(PROTECTED_TYPE), organisation,
				new TranslatedText("Sociale verkiezingen", "Élections sociales", "Sozialwahlen", "Social elections"),
				new TranslatedText("Documenten van de procedure van de sociale verkiezingen",
						"Documents de la procédure des élections sociales", "Dokumente des Sozialwahlverfahrens",
						"Documents of the social elections procedure"),
				new ValidityPeriod(2, ValidityPeriod.Unit.YEAR), true, MessageKind.DOCUMENT,
				Set.of("dossierNumber", "electionDay")));
		referenceData.save(new MessageType(new MessageTypeId(UNPROTECTED_TYPE), organisation,
				new TranslatedText("Informatie", "Information", "Information", "Information"),
				new TranslatedText("Algemene informatie van de FOD Werkgelegenheid", "Informations générales du SPF Emploi",
						"Allgemeine Informationen des FÖD Beschäftigung", "General information from the FPS Employment"),
				new ValidityPeriod(6, ValidityPeriod.Unit.MONTH), false, MessageKind.NOTIFICATION, Set.of()));
		referenceData.save(new MessageType(new MessageTypeId(TASK_TYPE), organisation,
				new TranslatedText("Fase sociale verkiezingen", "Phase des élections sociales", "Phase der Sozialwahlen",
						"Social elections phase"),
				new TranslatedText("Een stap van de procedure die de onderneming moet zetten",
						"Une étape de la procédure que l'entreprise doit accomplir",
						"Ein Schritt des Verfahrens, den das Unternehmen erledigen muss",
						"A step of the procedure the enterprise must take"),
				new ValidityPeriod(1, ValidityPeriod.Unit.YEAR), true, MessageKind.TASK, Set.of("dossierNumber")));
		clients.installForApplication(CLIENT_ID, application, clientSecret, "demo");
	}

	@Override
	@Transactional
	public void installConsumer(EnterpriseNumber enterprise, String clientSecret) {
		if (enterprise == null || clientSecret == null || clientSecret.isBlank()) {
			throw new IllegalArgumentException("The demo consumer needs an enterprise and a secret");
		}
		clients.installForEnterprise(CONSUMER_CLIENT_ID, enterprise, clientSecret, "demo");
	}
}
