package be.ebox.inbox.internal;

import java.util.ArrayList;
import java.util.List;

import be.ebox.access.AccessRoles;
import be.ebox.access.Reader;
import be.ebox.access.ReadingRights;
import be.ebox.enrolment.EboxState;
import be.ebox.enrolment.Enrolment;
import be.ebox.identity.EboxUser;
import be.ebox.registry.EnterpriseNumber;
import be.ebox.registry.EnterpriseRegistry;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

/**
 * The e-Boxes a person may open and the one open now. An e-Box the person has no right in is a 404, exactly like one
 * that does not exist.
 */
@Component
class OpenEboxes {

	/**
	 * An e-Box the person may open.
	 * @param role MAIN_ACCESS_MANAGER, ACCESS_MANAGER, USER, or MANDATE for a client of the person's enterprise
	 * @param state REGISTERED, ACTIVE or NONE
	 */
	public record Choice(String enterpriseName, String enterpriseNumber, String digits, String role, String state) {

		public boolean managesAccess() {
			return role.equals("MAIN_ACCESS_MANAGER") || role.equals("ACCESS_MANAGER");
		}
	}

	/** The e-Box open on a page: who reads it, what it is, and whether the person has others to switch to. */
	public record Open(Reader reader, Choice ebox, boolean several) {

		public String digits() {
			return ebox.digits();
		}
	}

	private final AccessRoles roles;

	private final ReadingRights rights;

	private final EnterpriseRegistry registry;

	private final Enrolment enrolment;

	OpenEboxes(AccessRoles roles, ReadingRights rights, EnterpriseRegistry registry, Enrolment enrolment) {
		this.roles = roles;
		this.rights = rights;
		this.registry = registry;
		this.enrolment = enrolment;
	}

	/** The person's e-Boxes: by role, then those read under a mandate, each once. */
	@Transactional(readOnly = true)
	public List<Choice> of(EboxUser user, String language) {
		if (user == null) {
			return List.of();
		}
		var choices = new ArrayList<Choice>();
		roles.rolesOf(user.accountId())
			.forEach(role -> choices.add(choice(role.enterprise(), role.role().name(), language)));
		roles.mandatedEboxes(user.accountId())
			.stream()
			.filter(e -> choices.stream().noneMatch(c -> c.digits().equals(e.digits())))
			.forEach(e -> choices.add(choice(e, "MANDATE", language)));
		return choices;
	}

	/**
	 * The e-Box of the path, read with the person's rights; 404 when the person may not open it. One transaction, so
	 * one connection, for all the lookups: some of them query while reading another query's rows, which outside a
	 * transaction takes a second connection from the pool and, with many requests at once, waits for it forever.
	 * <p>
	 * Every page of an open e-Box calls this: it names only the open e-Box (its role, name and state), and looks at
	 * the person's other e-Boxes only to know whether there are any, instead of naming them all as {@link #of} does
	 * (two lookups per e-Box, on every page, for a person who manages many).
	 */
	@Transactional(readOnly = true)
	public Open open(EboxUser user, String digits, String language) {
		if (user == null || !EnterpriseNumber.isValid(digits)) {
			throw notFound();
		}
		var ebox = EnterpriseNumber.parse(digits);
		Reader reader = rights.ofPerson(user.accountId(), ebox).orElseThrow(OpenEboxes::notFound);
		var roleRows = roles.rolesOf(user.accountId());
		String role = roleRows.stream()
			.filter(r -> r.enterprise().equals(ebox))
			.findFirst()
			.map(r -> r.role().name())
			.orElse("MANDATE");
		// the same count as of(user).size() > 1: one choice per role, plus the mandated e-Boxes not among them
		boolean several = roleRows.size() > 1 || roleRows.size() + roles.mandatedEboxes(user.accountId())
			.stream()
			.filter(e -> roleRows.stream().noneMatch(r -> r.enterprise().equals(e)))
			.count() > 1;
		return new Open(reader, choice(ebox, role, language), several);
	}

	/** The e-Box if the person may open it now. */
	java.util.Optional<Open> tryOpen(EboxUser user, String digits, String language) {
		try {
			return java.util.Optional.of(open(user, digits, language));
		}
		catch (ResponseStatusException ex) {
			return java.util.Optional.empty();
		}
	}

	private Choice choice(EnterpriseNumber enterprise, String role, String language) {
		return new Choice(registry.name(enterprise, language).orElse(enterprise.formatted()),
				enterprise.formatted(), enterprise.digits(), role,
				enrolment.state(enterprise).map(EboxState::name).orElse("NONE"));
	}

	static ResponseStatusException notFound() {
		return new ResponseStatusException(HttpStatus.NOT_FOUND);
	}
}
