package be.ebox.messages.internal;

import be.ebox.access.Reader;
import be.ebox.access.ReadingRights;
import be.ebox.senders.MachineClaims;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Component;

/**
 * The {@link Reader} behind a consultation token: the client reads the e-Box of the enterprise its token names, as far
 * as the reading rights allow. A token without an enterprise, or a client that may not read that e-Box, finds nothing
 * (404): the e-Box does not exist for it.
 */
@Component
class SoftwareReaders {

	private final ReadingRights rights;

	SoftwareReaders(ReadingRights rights) {
		this.rights = rights;
	}

	Reader of(Jwt jwt) {
		MachineClaims claims = MachineClaims.of(jwt.getClaims());
		return claims.enterprise()
			.filter(enterprise -> claims.clientId() != null)
			.flatMap(enterprise -> rights.ofSoftware(claims.clientId(), enterprise))
			.orElseThrow(() -> ConsultationRefused.notFound("e-Box"));
	}
}
