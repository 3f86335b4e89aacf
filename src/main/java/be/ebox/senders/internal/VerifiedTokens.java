package be.ebox.senders.internal;

import java.time.Duration;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidationException;

/**
 * A {@link JwtDecoder} that checks the signature of each distinct access token once instead of at every request.
 * A client sends the same token for its whole lifetime (minutes), and parsing it (Base64, JSON) and verifying its RSA
 * signature was about a tenth of the server time of a consultation request.
 * <p>
 * Why this is safe:
 * <ul>
 * <li>the cache is keyed by the <b>whole token string</b> (header, claims and signature as sent). Only a token that
 * the delegate decoder accepted (signature, and every validator) is ever put in; a different string, even one
 * differing in a single character of its signature, is a miss and goes through the full check. Refused tokens are
 * never remembered, so nothing an attacker sends changes what another request finds;</li>
 * <li>what depends on the moment or on the request is <b>checked again at every request</b> with the same
 * validators as the first time: expiry and not-before ({@code exp}, {@code nbf}), the issuer of an external server,
 * the certificate binding of a token ({@code cnf}), and the revocation of the client (embedded server). An expired
 * token is refused at its expiry, cached or not;</li>
 * <li>what the cache can make late is a <b>signing key withdrawn</b> from the key set: a remembered token signed with
 * it stays accepted for at most {@link #REMEMBER} after its first check. That is not later than without the cache:
 * the embedded server re-reads its keys once a minute ({@link SigningKeys}), and the JWK set of an external issuer is
 * itself cached by the decoder for several minutes;</li>
 * <li>memory is bounded: at most {@link #MAX_TOKENS} tokens (the least used go first), each kept at most
 * {@link #REMEMBER}.</li>
 * </ul>
 * Every instance keeps its own memory; nothing in it is shared or needs to be, since a token is valid on every instance
 * or on none.
 */
final class VerifiedTokens implements JwtDecoder {

	/** How long a verified token is remembered: no longer than a withdrawn signing key is accepted anyway. */
	static final Duration REMEMBER = Duration.ofMinutes(1);

	/** About 3 kB each (token text and its parsed claims). */
	static final int MAX_TOKENS = 10_000;

	private final JwtDecoder verifier;

	private final OAuth2TokenValidator<Jwt> validator;

	private final Cache<String, Jwt> verified = Caffeine.newBuilder()
		.maximumSize(MAX_TOKENS)
		.expireAfterWrite(REMEMBER)
		// the cache's upkeep on the request thread: no pool thread per eviction
		.executor(Runnable::run)
		.build();

	/**
	 * @param verifier the full check of a token seen for the first time (signature and {@code validator})
	 * @param validator the checks repeated at every request; the same validator the verifier applies
	 */
	VerifiedTokens(JwtDecoder verifier, OAuth2TokenValidator<Jwt> validator) {
		this.verifier = verifier;
		this.validator = validator;
	}

	@Override
	public Jwt decode(String token) throws JwtException {
		Jwt known = verified.getIfPresent(token);
		if (known == null) {
			Jwt checked = verifier.decode(token);
			verified.put(token, checked);
			return checked;
		}
		OAuth2TokenValidatorResult result = validator.validate(known);
		if (result.hasErrors()) {
			// an expired (or revoked) token will not come back valid: forget it now rather than at REMEMBER
			verified.invalidate(token);
			// the message NimbusJwtDecoder gives for the same failure
			String description = result.getErrors().iterator().next().getDescription();
			throw new JwtValidationException(
					description == null || description.isEmpty() ? "Unable to validate Jwt"
							: "An error occurred while attempting to decode the Jwt: " + description,
					result.getErrors());
		}
		return known;
	}
}
