package be.ebox.senders;

import java.util.Map;
import java.util.Optional;

import be.ebox.registry.EnterpriseNumber;

/**
 * Who a machine caller acts for, read from its access token: the embedded authorization server puts these claims into
 * every token of a client registered here (an external issuer must be configured to issue the same claims).
 * @param clientId the OAuth2 client id ({@code client_id}, else {@code sub})
 * @param application the sender application, for publication clients
 * @param organisation the sender organisation of that application
 * @param enterprise the enterprise whose e-Box a consultation client reads
 */
public record MachineClaims(String clientId, Optional<SenderApplicationId> application,
		Optional<EnterpriseNumber> organisation, Optional<EnterpriseNumber> enterprise) {

	public static final String SENDER_APPLICATION = "sender_application_id";

	public static final String SENDER_ORGANIZATION = "sender_organization_id";

	/** Same name as the real e-Box principal attribute of the calling organisation. */
	public static final String ENTERPRISE_NUMBER = "urn:be:fgov:kbo-bce:organization:cbe-number";

	/** Reads the claims of a token (e.g. {@code jwt.getClaims()}); unknown or malformed claims are left empty. */
	public static MachineClaims of(Map<String, Object> claims) {
		Object client = claims.getOrDefault("client_id", claims.get("sub"));
		return new MachineClaims(client == null ? null : client.toString(),
				text(claims, SENDER_APPLICATION).filter(SenderApplicationId::isValid).map(SenderApplicationId::new),
				text(claims, SENDER_ORGANIZATION).filter(EnterpriseNumber::isValid).map(EnterpriseNumber::parse),
				text(claims, ENTERPRISE_NUMBER).filter(EnterpriseNumber::isValid).map(EnterpriseNumber::parse));
	}

	private static Optional<String> text(Map<String, Object> claims, String name) {
		Object value = claims.get(name);
		if (value instanceof java.util.Collection<?> values) {
			value = values.isEmpty() ? null : values.iterator().next();
		}
		return Optional.ofNullable(value).map(Object::toString);
	}
}
