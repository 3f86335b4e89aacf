package be.ebox.demo.internal;

import java.util.List;

import be.ebox.enrolment.EboxState;
import be.ebox.registry.EnterpriseNumber;

/** One ready-to-use demo account: the main access manager of a sample enterprise, listed in the README. */
record DemoAccount(String username, EnterpriseNumber enterprise, String representativeName, String language,
		EboxState state) {

	/** The README's Demo section lists exactly these; change both together. */
	static final List<DemoAccount> ALL = List.of(
			new DemoAccount("demo-nl", EnterpriseNumber.parse("0412.345.614"), "Lotte Demo", "nl", EboxState.ACTIVE),
			new DemoAccount("demo-fr", EnterpriseNumber.parse("0421.567.839"), "Camille Démo", "fr", EboxState.ACTIVE),
			new DemoAccount("demo-de", EnterpriseNumber.parse("0430.123.437"), "Jonas Demo", "de", EboxState.REGISTERED));

	String email() {
		return username + "@demo.invalid";
	}
}
