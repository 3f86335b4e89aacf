package be.ebox.elections.internal;

import java.time.Duration;

import be.ebox.registry.EnterpriseNumber;
import be.ebox.senders.MessageTypeId;
import be.ebox.senders.SenderApplicationId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** The sender behind the social elections and the timing of its notices ({@code ebox.elections.*}). */
@Component
class ElectionsSettings {

	final EnterpriseNumber organisation;

	final SenderApplicationId application;

	/** letters with codes (protected: only readers with a grant) */
	final MessageTypeId codesType;

	/** phase notices and reminders: protected tasks with the phase's date as due date */
	final MessageTypeId phaseType;

	/** brochures and documents for every enterprise in the database */
	final MessageTypeId informationType;

	final int noticeDaysBefore;

	final int reminderDaysBefore;

	final int letterThreads;

	final Duration schedulerInterval;

	/** shortest time between two letters of new codes for one dossier asked for on the lost-password page */
	final Duration lostCodesInterval;

	ElectionsSettings(@Value("${ebox.elections.organisation}") String organisation,
			@Value("${ebox.elections.application}") String application,
			@Value("${ebox.elections.codes-type}") String codesType,
			@Value("${ebox.elections.phase-type}") String phaseType,
			@Value("${ebox.elections.information-type}") String informationType,
			@Value("${ebox.elections.notice-days-before}") int noticeDaysBefore,
			@Value("${ebox.elections.reminder-days-before}") int reminderDaysBefore,
			@Value("${ebox.elections.letter-threads}") int letterThreads,
			@Value("${ebox.elections.scheduler-interval}") Duration schedulerInterval,
			@Value("${ebox.elections.lost-codes-interval}") Duration lostCodesInterval) {
		this.organisation = EnterpriseNumber.parse(organisation);
		this.application = new SenderApplicationId(application);
		this.codesType = new MessageTypeId(codesType);
		this.phaseType = new MessageTypeId(phaseType);
		this.informationType = new MessageTypeId(informationType);
		if (reminderDaysBefore < 0 || noticeDaysBefore < reminderDaysBefore) {
			throw new IllegalArgumentException("ebox.elections: the notice comes before the reminder (notice-days-before"
					+ " >= reminder-days-before >= 0)");
		}
		this.noticeDaysBefore = noticeDaysBefore;
		this.reminderDaysBefore = reminderDaysBefore;
		this.letterThreads = letterThreads > 0 ? letterThreads : Runtime.getRuntime().availableProcessors();
		this.schedulerInterval = schedulerInterval;
		this.lostCodesInterval = lostCodesInterval;
	}
}
