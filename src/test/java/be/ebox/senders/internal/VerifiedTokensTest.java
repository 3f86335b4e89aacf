package be.ebox.senders.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The memory of verified tokens, with real RSA signatures: a token's signature is checked once, but a remembered token
 * is still refused the moment it expires or its client is revoked, and a token differing from a remembered one in any
 * character goes through the full check.
 */
class VerifiedTokensTest {

	static final Instant ISSUED = Instant.parse("2026-11-29T10:00:00Z");

	final MovableClock clock = new MovableClock(ISSUED);

	final AtomicBoolean revoked = new AtomicBoolean();

	final AtomicInteger fullChecks = new AtomicInteger();

	RSAKey key;

	VerifiedTokens tokens;

	@BeforeEach
	void decoder() throws Exception {
		key = new RSAKeyGenerator(2048).keyID("k1").generate();
		var timestamps = new JwtTimestampValidator();
		timestamps.setClock(clock);
		OAuth2TokenValidator<Jwt> notRevoked = jwt -> revoked.get()
				? OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", "The client was revoked", null))
				: OAuth2TokenValidatorResult.success();
		var validator = new DelegatingOAuth2TokenValidator<>(timestamps, notRevoked);
		NimbusJwtDecoder nimbus = NimbusJwtDecoder.withPublicKey(key.toRSAPublicKey()).build();
		nimbus.setJwtValidator(validator);
		JwtDecoder counting = token -> {
			fullChecks.incrementAndGet();
			return nimbus.decode(token);
		};
		tokens = new VerifiedTokens(counting, validator);
	}

	@Test
	void theSignatureOfATokenIsCheckedOnlyTheFirstTime() {
		String token = token(key, Duration.ofMinutes(5));
		for (int i = 0; i < 5; i++) {
			assertThat(tokens.decode(token).getClaimAsString("client_id")).isEqualTo("software-a");
		}
		assertThat(fullChecks).hasValue(1);
	}

	@Test
	void aRememberedTokenIsRefusedOnceExpired() {
		String token = token(key, Duration.ofMinutes(5));
		tokens.decode(token);
		// JwtTimestampValidator's default leeway is 60 s
		clock.at(ISSUED.plus(Duration.ofMinutes(5)).plusSeconds(61));
		assertThatThrownBy(() -> tokens.decode(token)).isInstanceOf(JwtValidationException.class)
			.hasMessageContaining("expired");
		// and stays refused, also through the full check
		assertThatThrownBy(() -> tokens.decode(token)).isInstanceOf(JwtValidationException.class);
	}

	@Test
	void aTokenNotYetValidIsRefusedEvenWhenItsSignatureIsGood() {
		String early = token(key, ISSUED.plus(Duration.ofMinutes(10)), Duration.ofMinutes(5));
		assertThatThrownBy(() -> tokens.decode(early)).isInstanceOf(JwtValidationException.class);
		assertThatThrownBy(() -> tokens.decode(early)).isInstanceOf(JwtValidationException.class);
		assertThat(fullChecks).as("refused tokens are not remembered").hasValue(2);
	}

	@Test
	void aRememberedTokenIsRefusedOnceItsClientIsRevoked() {
		String token = token(key, Duration.ofMinutes(5));
		tokens.decode(token);
		revoked.set(true);
		assertThatThrownBy(() -> tokens.decode(token)).isInstanceOf(JwtValidationException.class)
			.hasMessageContaining("revoked");
	}

	@Test
	void aTamperedCopyOfARememberedTokenIsRefused() throws Exception {
		String token = token(key, Duration.ofMinutes(5));
		tokens.decode(token);
		String[] parts = token.split("\\.");
		// the same header and claims with one signature character changed (in the middle: the last one also holds
		// padding bits that Base64 decoding ignores)
		int at = parts[2].length() / 2;
		char changed = parts[2].charAt(at) == 'A' ? 'B' : 'A';
		String badSignature = parts[0] + "." + parts[1] + "." + parts[2].substring(0, at) + changed
				+ parts[2].substring(at + 1);
		assertThatThrownBy(() -> tokens.decode(badSignature)).isInstanceOf(BadJwtException.class);
		// other claims (another enterprise) with the remembered token's signature
		String otherClaims = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
				new String(java.util.Base64.getUrlDecoder().decode(parts[1])).replace("0412345614", "0203201340").getBytes());
		assertThatThrownBy(() -> tokens.decode(parts[0] + "." + otherClaims + "." + parts[2]))
			.isInstanceOf(BadJwtException.class);
		// signed with a key the decoder does not trust
		String foreign = token(new RSAKeyGenerator(2048).keyID("k1").generate(), Duration.ofMinutes(5));
		assertThatThrownBy(() -> tokens.decode(foreign)).isInstanceOf(JwtException.class);
		assertThat(tokens.decode(token).getSubject()).isEqualTo("software-a");
	}

	private String token(RSAKey signer, Duration lifetime) {
		return token(signer, ISSUED, lifetime);
	}

	private String token(RSAKey signer, Instant from, Duration lifetime) {
		var encoder = new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(signer)));
		var claims = JwtClaimsSet.builder()
			.subject("software-a")
			.claim("client_id", "software-a")
			.claim("urn:be:fgov:kbo-bce:organization:cbe-number", "0412345614")
			.issuedAt(ISSUED)
			.notBefore(from)
			.expiresAt(from.plus(lifetime))
			.build();
		return encoder.encode(JwtEncoderParameters.from(claims)).getTokenValue();
	}

	static final class MovableClock extends Clock {

		private volatile Instant now;

		MovableClock(Instant now) {
			this.now = now;
		}

		void at(Instant instant) {
			now = instant;
		}

		@Override
		public Instant instant() {
			return now;
		}

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}
	}
}
