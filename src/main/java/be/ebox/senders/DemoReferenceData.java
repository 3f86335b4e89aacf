package be.ebox.senders;

/**
 * The demo reference data: the federal employment service as sender organisation (0308.357.159, a valid number),
 * its application {@code db2b.SPFETCS-FODWASO.fgov.be}, the protected type {@code SpfFodSocialElections}, the
 * unprotected {@code SpfFodInformation}, and the OAuth client {@code demo-sender}.
 */
public interface DemoReferenceData {

	String ORGANISATION = "0308357159";

	String APPLICATION = "db2b.SPFETCS-FODWASO.fgov.be";

	String PROTECTED_TYPE = "SpfFodSocialElections";

	String UNPROTECTED_TYPE = "SpfFodInformation";

	/** Protected tasks: a phase of the social elections the enterprise must confirm. */
	String TASK_TYPE = "SpfFodSocialElectionsPhase";

	String CLIENT_ID = "demo-sender";

	String CONSUMER_CLIENT_ID = "demo-consumer";

	/**
	 * Creates (or brings back to its demo state) the demo reference data and the client {@code demo-sender} with the
	 * given secret. Idempotent: a second call changes nothing but the client's secret.
	 */
	void install(String clientSecret);

	/**
	 * Creates (or brings back to its demo state) the consumer client {@code demo-consumer} of the given enterprise's
	 * e-Box, with the consumer scopes and the given secret. Idempotent like {@link #install}.
	 */
	void installConsumer(be.ebox.registry.EnterpriseNumber enterprise, String clientSecret);
}
