package be.ebox.senders.internal;

import java.time.Duration;

import be.ebox.senders.MachineClaims;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.authentication.ClientSecretAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The embedded OAuth2 authorization server (Spring Authorization Server): client credentials at
 * {@code /oauth2/token}, short-lived JWT access tokens signed with the keys in the database, metadata at
 * {@code /.well-known/oauth-authorization-server}, keys at {@code /oauth2/jwks}. Off when
 * {@code EBOX_OAUTH_ISSUER_URI} names an external issuer.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${ebox.oauth.issuer-uri:}'.isBlank()")
// the command-line modes (--import-kbo, --verify-audit) start without a web server and need no token endpoint
@ConditionalOnWebApplication
class EmbeddedAuthorizationServer {

	@Bean
	@Order(1)
	SecurityFilterChain authorizationServer(HttpSecurity http, JdbcMachineClients clients) throws Exception {
		http.securityMatcher("/oauth2/**", "/.well-known/**")
			.oauth2AuthorizationServer(server -> server.registeredClientRepository(clients.registeredClients())
				.authorizationService(new NoStoredAuthorizations())
				.clientAuthentication(authentication -> authentication.authenticationProviders(providers -> providers
					.forEach(provider -> {
						if (provider instanceof ClientSecretAuthenticationProvider secrets) {
							secrets.setPasswordEncoder(clients.secretEncoder());
						}
					}))))
			.authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
			.exceptionHandling(errors -> errors.authenticationEntryPoint(StatusMessageResponses.unauthorized()))
			.sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.requestCache(cache -> cache.disable())
			.csrf(csrf -> csrf.disable());
		return http.build();
	}

	@Bean
	RegisteredClientRepository registeredClientRepository(JdbcMachineClients clients) {
		return clients.registeredClients();
	}

	@Bean
	SigningKeys jwkSource(JdbcClient jdbc, java.time.Clock clock) {
		return new SigningKeys(jdbc, clock);
	}

	/** Signs with the newest key only (see SigningKeys); the JWK set endpoint still publishes every active key. */
	@Bean
	JwtEncoder jwtEncoder(SigningKeys keys) {
		return new NimbusJwtEncoder(keys.signing());
	}

	/**
	 * Tokens of the embedded server are checked locally against the same keys (no network call), and refused once
	 * their client is revoked. The signature of a token is checked the first time it comes (see {@link VerifiedTokens});
	 * its lifetime and its client's revocation at every request.
	 */
	@Bean
	JwtDecoder embeddedJwtDecoder(SigningKeys keys, JdbcMachineClients clients) {
		var decoder = NimbusJwtDecoder.withJwkSource(keys).build();
		OAuth2TokenValidator<Jwt> notRevoked = jwt -> {
			Object client = jwt.getClaims().getOrDefault("client_id", jwt.getSubject());
			return client != null && clients.isRevoked(client.toString())
					? OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", "The client was revoked", null))
					: OAuth2TokenValidatorResult.success();
		};
		var validator = new DelegatingOAuth2TokenValidator<>(JwtValidators.createDefault(), notRevoked);
		decoder.setJwtValidator(validator);
		return new VerifiedTokens(decoder, validator);
	}

	/** Who the client acts for goes into its token; the lifetime comes from configuration for every client. */
	@Bean
	OAuth2TokenCustomizer<JwtEncodingContext> machineTokenClaims(JdbcMachineClients clients,
			@Value("${ebox.oauth.token-ttl:5m}") Duration ttl) {
		return context -> {
			if (!OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
				return;
			}
			String clientId = context.getRegisteredClient().getClientId();
			var claims = context.getClaims();
			claims.claim("client_id", clientId);
			clients.find(clientId).ifPresent(client -> {
				client.application().ifPresent(application -> {
					claims.claim(MachineClaims.SENDER_APPLICATION, application.value());
					clients.organisationOf(application)
						.ifPresent(organisation -> claims.claim(MachineClaims.SENDER_ORGANIZATION, organisation.digits()));
				});
				client.enterprise().ifPresent(enterprise -> claims.claim(MachineClaims.ENTERPRISE_NUMBER, enterprise.digits()));
			});
			var issuedAt = context.getClaims().build().getIssuedAt();
			if (issuedAt != null) {
				claims.expiresAt(issuedAt.plus(ttl));
			}
		};
	}

	/**
	 * Client-credentials tokens are self-contained JWTs checked by signature, so no authorization record is kept: the
	 * default in-memory store would grow with every token and differ between instances, a JDBC store would write a
	 * row per token. Token introspection and revocation endpoints therefore know no token; a client is revoked as a
	 * whole (no new tokens) and its tokens expire within the short lifetime.
	 */
	static final class NoStoredAuthorizations implements OAuth2AuthorizationService {

		@Override
		public void save(OAuth2Authorization authorization) {
		}

		@Override
		public void remove(OAuth2Authorization authorization) {
		}

		@Override
		public OAuth2Authorization findById(String id) {
			return null;
		}

		@Override
		public OAuth2Authorization findByToken(String token, OAuth2TokenType tokenType) {
			return null;
		}
	}
}
