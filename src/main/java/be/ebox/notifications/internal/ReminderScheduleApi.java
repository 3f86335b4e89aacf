package be.ebox.notifications.internal;

import java.util.List;

import be.ebox.senders.MachineApiAccess;
import be.ebox.senders.MachineClaims;
import be.ebox.senders.MessageTypeId;
import be.ebox.senders.ReferenceData;
import be.ebox.senders.Scopes;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * A sender sets the reminder schedule of its own message types ({@code /api/v1/reminder-schedules.yaml}): the days
 * before a task's due date on which the people who must act are reminded, unless it is done. On the message type
 * rather than on each message, so the publication contract stays as it is.
 */
@RestController
class ReminderScheduleApi {

	static final String PATH = "/api/v1/messageTypes/{messageTypeId}/reminderSchedule";

	record Schedule(List<Integer> daysBeforeDue) {
	}

	private final ReminderSchedules schedules;

	private final ReferenceData referenceData;

	ReminderScheduleApi(ReminderSchedules schedules, ReferenceData referenceData) {
		this.schedules = schedules;
		this.referenceData = referenceData;
	}

	@GetMapping(path = PATH, produces = MediaType.APPLICATION_JSON_VALUE)
	Schedule get(@PathVariable String messageTypeId, @AuthenticationPrincipal Jwt jwt) {
		return new Schedule(schedules.daysBeforeDue(own(messageTypeId, jwt)).orElse(List.of()));
	}

	@PutMapping(path = PATH, consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
	Schedule put(@PathVariable String messageTypeId, @RequestBody Schedule schedule, @AuthenticationPrincipal Jwt jwt) {
		MessageTypeId type = own(messageTypeId, jwt);
		if (schedule == null || schedule.daysBeforeDue() == null || schedule.daysBeforeDue().size() > 10) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "daysBeforeDue: a list of at most 10 numbers of days");
		}
		try {
			schedules.set(type, schedule.daysBeforeDue());
		}
		catch (IllegalArgumentException ex) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "daysBeforeDue: each from 0 to " + ReminderSchedules.MAX_DAYS);
		}
		return new Schedule(schedules.daysBeforeDue(type).orElse(List.of()));
	}

	/** The type, when the caller's application may publish it; any other type does not exist for the caller. */
	private MessageTypeId own(String messageTypeId, Jwt jwt) {
		var application = MachineClaims.of(jwt.getClaims()).application();
		if (!MessageTypeId.isValid(messageTypeId) || application.isEmpty()
				|| !referenceData.mayPublish(application.get(), new MessageTypeId(messageTypeId))) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No such message type of your organisation");
		}
		return new MessageTypeId(messageTypeId);
	}

	@Configuration(proxyBeanMethods = false)
	static class Access {

		@Bean
		MachineApiAccess reminderScheduleAccess() {
			return requests -> requests.requestMatchers(HttpMethod.GET, "/api/v1/reminder-schedules.yaml")
				.permitAll()
				.requestMatchers("/api/v1/messageTypes/*/reminderSchedule")
				.hasAuthority(Scopes.authority(Scopes.PUBLICATION_SENDER));
		}
	}
}
