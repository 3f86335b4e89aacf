package be.ebox.senders;

/**
 * OAuth2 scopes of the e-Box Enterprise Message Registry. The v2.1 Swagger file itself declares no
 * securityDefinitions; these are the scope names of the real e-Box Enterprise documentation (dev.eboxenterprise.be),
 * so an existing client keeps asking for the same scopes. Spring Security grants them as authorities
 * {@code SCOPE_<scope>}.
 */
public final class Scopes {

	private static final String PREFIX = "scope:document:management:consult:ws-eboxrestentreprise:";

	/** Publication by a sender application ({@code /publishMessage}, {@code /searchMessageStatus}). */
	public static final String PUBLICATION_SENDER = PREFIX + "publicationsender";

	/** Consultation of the caller's own e-Box: every message operation (newer single consumer scope). */
	public static final String DOCUMENT_CONSUMER = PREFIX + "documentconsumer";

	/** Consultation: {@code /ebox/messages} and below, of the caller's own e-Box. */
	public static final String MESSAGES_FULL = PREFIX + "messagesfull";

	/** Consultation: {@code /ebox}, the summary of the caller's own e-Box. */
	public static final String SUMMARY_OWN_EBOX = PREFIX + "summaryownebox";

	/** {@code /referenceData/**}. */
	public static final String REFERENCE_DATA = PREFIX + "referencedata";

	/** What a sender application's client is registered with. */
	public static final java.util.Set<String> SENDER_CLIENT = java.util.Set.of(PUBLICATION_SENDER, REFERENCE_DATA);

	/** What an enterprise software client is registered with. */
	public static final java.util.Set<String> CONSUMER_CLIENT = java.util.Set.of(DOCUMENT_CONSUMER, MESSAGES_FULL,
			SUMMARY_OWN_EBOX, REFERENCE_DATA);

	private Scopes() {
	}

	/** The Spring Security authority of a scope. */
	public static String authority(String scope) {
		return "SCOPE_" + scope;
	}
}
