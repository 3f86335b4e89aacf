package be.ebox.enrolment;

/** The terms of use a main access manager accepts at activation; texts are message keys {@code terms.v<version>.*}. */
public final class TermsOfUse {

	/** Raise it (and add the texts) when the terms change; the accepted version is stored with the e-Box. */
	public static final String CURRENT_VERSION = "1";

	private TermsOfUse() {
	}
}
