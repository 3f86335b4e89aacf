package be.ebox.console.internal;

import be.ebox.console.SenderStaff;
import be.ebox.identity.EboxUser;
import be.ebox.registry.EnterpriseNumber;
import be.ebox.senders.ReferenceData;
import be.ebox.senders.SenderOrganisation;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

/**
 * The organisation the signed-in person works for, looked up on every request (an assignment the operator removes
 * takes effect at once). Anyone else gets a 404: the console does not exist for them.
 */
@Component
class Staff {

	private final SenderStaff staff;

	private final ReferenceData referenceData;

	Staff(SenderStaff staff, ReferenceData referenceData) {
		this.staff = staff;
		this.referenceData = referenceData;
	}

	/** The signed-in staff member and their organisation. */
	record Member(EboxUser user, SenderOrganisation organisation) {

		EnterpriseNumber number() {
			return organisation.number();
		}
	}

	Member of(Authentication authentication) {
		if (authentication == null || !(authentication.getPrincipal() instanceof EboxUser user) || user.isOperator()) {
			throw notFound();
		}
		return staff.organisationOf(user.accountId())
			.flatMap(referenceData::organisation)
			.map(organisation -> new Member(user, organisation))
			.orElseThrow(Staff::notFound);
	}

	boolean isStaff(Authentication authentication) {
		return authentication != null && authentication.getPrincipal() instanceof EboxUser user && !user.isOperator()
				&& staff.organisationOf(user.accountId()).isPresent();
	}

	static ResponseStatusException notFound() {
		return new ResponseStatusException(HttpStatus.NOT_FOUND);
	}
}
