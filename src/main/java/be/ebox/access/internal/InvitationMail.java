package be.ebox.access.internal;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/** The invitation e-mail, in the language chosen for the invitee, with the one-time link. */
@Component
class InvitationMail {

	private final JavaMailSender sender;

	private final MessageSource messages;

	private final InvitationProperties properties;

	InvitationMail(JavaMailSender sender, MessageSource messages, InvitationProperties properties) {
		this.sender = sender;
		this.messages = messages;
		this.properties = properties;
	}

	/** @throws AccessRuleException when the mail server refuses or cannot be reached (the caller rolls back) */
	void send(Invitation invitation, String enterpriseName, String token) {
		Locale locale = Locale.forLanguageTag(invitation.language());
		String link = base() + "/invitation/" + token;
		String expires = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
			.format(invitation.expiresAt().atZone(ZoneId.of("Europe/Brussels")));
		var mail = new SimpleMailMessage();
		mail.setFrom(properties.mailFrom());
		mail.setTo(invitation.email());
		mail.setSubject(messages.getMessage("access.invitation.mail.subject", new Object[] { enterpriseName }, locale));
		mail.setText(messages.getMessage("access.invitation.mail.body",
				new Object[] { invitation.displayName(), enterpriseName, link, expires }, locale));
		try {
			sender.send(mail);
		}
		catch (MailException ex) {
			throw new AccessRuleException("access.invitation.mailFailed");
		}
	}

	private String base() {
		String url = properties.publicUrl();
		return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
	}
}
