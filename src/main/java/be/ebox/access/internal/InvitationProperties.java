package be.ebox.access.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param validity how long an invitation link works ({@code EBOX_INVITATION_VALIDITY})
 * @param mailFrom the sender address of the invitation e-mails ({@code EBOX_MAIL_FROM})
 * @param publicUrl the address people type, for the link in the e-mail ({@code EBOX_PUBLIC_URL})
 */
@ConfigurationProperties("ebox.access")
record InvitationProperties(Duration invitationValidity, String mailFrom, String publicUrl) {
}
