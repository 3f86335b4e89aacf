package be.ebox.enrolment;

import be.ebox.registry.EnterpriseNumber;

/**
 * The username and activation code of a fresh registration, for in-process callers only (demo data, tests):
 * never render it on a page or send it over an API. {@link #toString()} hides the code so it cannot leak into logs.
 */
public record ActivationCredentials(EnterpriseNumber enterprise, String username, String activationCode) {

	@Override
	public String toString() {
		return "ActivationCredentials[enterprise=" + enterprise + ", username=" + username + ", activationCode=****]";
	}
}
