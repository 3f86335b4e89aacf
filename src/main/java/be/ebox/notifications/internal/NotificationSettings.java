package be.ebox.notifications.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import be.ebox.access.AccessRoles;
import be.ebox.access.DesignatedContacts;
import be.ebox.access.EnterpriseRole;
import be.ebox.access.Reader;
import be.ebox.access.ReadingRights;
import be.ebox.identity.Account;
import be.ebox.identity.AccountId;
import be.ebox.identity.Accounts;
import be.ebox.registry.EnterpriseNumber;
import be.ebox.senders.MessageType;
import be.ebox.senders.MessageTypeId;
import be.ebox.senders.ReferenceData;
import be.ebox.system.Languages;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import org.springframework.context.MessageSource;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What a person sets on the preferences page, and what access managers set for their e-Box; the rules of both. */
@Service
class NotificationSettings {

	/** A message type the person may read somewhere, with their choice; {@code contact}: NEVER is not allowed. */
	record TypeChoice(MessageTypeId id, String name, Mode mode, boolean contact) {
	}

	record PersonView(String address, String language, List<TypeChoice> types, List<EnterpriseNumber> managedEboxes) {
	}

	private final Accounts accounts;

	private final AccessRoles roles;

	private final ReadingRights rights;

	private final DesignatedContacts contacts;

	private final ReferenceData referenceData;

	private final Preferences preferences;

	private final AddressChecks checks;

	private final JavaMailSender mail;

	private final MessageSource messages;

	private final NotificationProperties properties;

	private final Clock clock;

	NotificationSettings(Accounts accounts, AccessRoles roles, ReadingRights rights, DesignatedContacts contacts,
			ReferenceData referenceData, Preferences preferences, AddressChecks checks, JavaMailSender mail,
			MessageSource messages, NotificationProperties properties, Clock clock) {
		this.accounts = accounts;
		this.roles = roles;
		this.rights = rights;
		this.contacts = contacts;
		this.referenceData = referenceData;
		this.preferences = preferences;
		this.checks = checks;
		this.mail = mail;
		this.messages = messages;
		this.properties = properties;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	PersonView view(AccountId person, Locale locale) {
		Account account = accounts.find(person).orElseThrow();
		var own = preferences.ownSettings(person);
		String address = own.map(Preferences.Contact::address).filter(a -> a != null).orElse(account.email());
		String language = own.map(Preferences.Contact::language).filter(l -> l != null).orElse(account.language());
		Map<MessageTypeId, Mode> modes = preferences.modes(person);
		Set<MessageTypeId> contactOf = new HashSet<>();
		Map<MessageTypeId, MessageType> readable = new LinkedHashMap<>();
		List<EnterpriseNumber> managed = new ArrayList<>();
		for (EnterpriseRole role : roles.rolesOf(person)) {
			if (role.role().managesAccess()) {
				managed.add(role.enterprise());
			}
			Optional<Reader> reader = rights.ofPerson(person, role.enterprise());
			for (MessageType type : referenceData.messageTypes()) {
				if (reader.filter(r -> r.mayRead(type.id(), type.isProtected())).isPresent()) {
					readable.put(type.id(), type);
					if (contacts.contactFor(role.enterprise(), type.id()).filter(person::equals).isPresent()) {
						contactOf.add(type.id());
					}
				}
			}
		}
		List<TypeChoice> types = readable.values().stream()
			.map(t -> new TypeChoice(t.id(), t.name().in(locale), modes.getOrDefault(t.id(), Mode.DAILY), contactOf.contains(t.id())))
			.sorted(Comparator.comparing(TypeChoice::name, String.CASE_INSENSITIVE_ORDER))
			.toList();
		return new PersonView(address, language, types, managed);
	}

	/**
	 * Saves language and choices at once; a new address is only used once its owner opens the link e-mailed to it.
	 * @return true when a verification link was sent
	 * @throws SettingsRefused when a field is refused; nothing is saved then
	 */
	@Transactional
	boolean save(AccountId person, String address, String language, Map<String, String> modes, Locale locale) {
		if (!Languages.isSupported(language)) {
			throw new SettingsRefused("language", "notifications.error.language");
		}
		PersonView current = view(person, locale);
		Map<MessageTypeId, Mode> chosen = new LinkedHashMap<>();
		for (TypeChoice type : current.types()) {
			Mode mode = parseMode(modes.get("mode-" + type.id().value()));
			if (mode == null) {
				throw new SettingsRefused("mode-" + type.id().value(), "notifications.error.mode");
			}
			if (mode == Mode.NEVER && type.contact()) {
				throw new SettingsRefused("mode-" + type.id().value(), "notifications.error.contactNever");
			}
			chosen.put(type.id(), mode);
		}
		String wanted = address == null ? "" : address.strip();
		boolean changed = !wanted.isEmpty() && !wanted.equalsIgnoreCase(current.address());
		if (changed) {
			checkAddress(wanted);
		}
		preferences.saveLanguage(person, language, clock.instant());
		chosen.forEach((type, mode) -> preferences.saveMode(person, type, mode));
		if (changed) {
			sendCheck(new AddressChecks.Check(AddressChecks.OwnerKind.PERSON, person.toString(), wanted, language));
		}
		return changed;
	}

	/** The e-Box's general address, for the access managers of that e-Box only (else empty: not found). */
	@Transactional(readOnly = true)
	Optional<Optional<Preferences.Contact>> eboxAddress(AccountId person, EnterpriseNumber ebox) {
		return managesAccess(person, ebox) ? Optional.of(preferences.eboxAddress(ebox)) : Optional.empty();
	}

	/** @return false when the person does not manage access to the e-Box (the page answers 404) */
	@Transactional
	boolean requestEboxAddress(AccountId person, EnterpriseNumber ebox, String address, String language) {
		if (!managesAccess(person, ebox)) {
			return false;
		}
		if (!Languages.isSupported(language)) {
			throw new SettingsRefused("language", "notifications.error.language");
		}
		String wanted = address == null ? "" : address.strip();
		checkAddress(wanted);
		sendCheck(new AddressChecks.Check(AddressChecks.OwnerKind.EBOX, ebox.digits(), wanted, language));
		return true;
	}

	@Transactional
	boolean removeEboxAddress(AccountId person, EnterpriseNumber ebox) {
		if (!managesAccess(person, ebox)) {
			return false;
		}
		preferences.removeEboxAddress(ebox);
		return true;
	}

	/** Opens a verification link: the address becomes the one used. Empty when the link is unknown or expired. */
	@Transactional
	Optional<String> confirm(AccountId person, String token) {
		var now = clock.instant();
		return checks.consume(token, now).filter(check -> check.ownerKind() == AddressChecks.OwnerKind.EBOX
				|| check.owner().equals(person.toString())).map(check -> {
					if (check.ownerKind() == AddressChecks.OwnerKind.PERSON) {
						preferences.saveVerifiedAddress(person, check.address(), now);
					}
					else {
						preferences.saveEboxAddress(EnterpriseNumber.parse(check.owner()),
								new Preferences.Contact(check.address(), check.language()), now);
					}
					return check.address();
				});
	}

	private boolean managesAccess(AccountId person, EnterpriseNumber ebox) {
		return roles.rolesOf(person).stream().anyMatch(r -> r.enterprise().equals(ebox) && r.role().managesAccess());
	}

	private void sendCheck(AddressChecks.Check check) {
		String token = checks.create(check, clock.instant().plus(properties.addressCheckValidity()));
		Locale locale = Locale.forLanguageTag(check.language());
		var message = new SimpleMailMessage();
		message.setFrom(properties.mailFrom());
		message.setTo(check.address());
		message.setSubject(messages.getMessage("notifications.check.mail.subject", null, locale));
		message.setText(messages.getMessage("notifications.check.mail.body",
				new Object[] { properties.base() + "/notifications/confirm/" + token }, locale));
		try {
			mail.send(message);
		}
		catch (MailException ex) {
			// the transaction rolls back: no check is left without its e-mail
			throw new SettingsRefused("address", "notifications.error.mailFailed");
		}
	}

	private static void checkAddress(String address) {
		try {
			if (address.isEmpty() || address.length() > 320 || !address.contains("@")) {
				throw new AddressException();
			}
			new InternetAddress(address, true).validate();
		}
		catch (AddressException ex) {
			throw new SettingsRefused("address", "notifications.error.address");
		}
	}

	private static Mode parseMode(String value) {
		if (value == null) {
			return null;
		}
		for (Mode mode : Mode.values()) {
			if (mode.name().equals(value)) {
				return mode;
			}
		}
		return null;
	}
}
