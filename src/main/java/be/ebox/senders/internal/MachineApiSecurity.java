package be.ebox.senders.internal;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import be.ebox.senders.MachineApiAccess;
import be.ebox.senders.Scopes;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.SupplierJwtDecoder;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The bearer-token chain for machines: {@code /REST/**} (the e-Box contract) and {@code /api/**} (our extensions).
 * Stateless, no CSRF (no cookies are read), JSON errors instead of redirects, and deny by default: every module adds
 * the rules of its endpoints with a {@link MachineApiAccess} bean. Runs before the page chain, which has no matcher.
 */
@Configuration(proxyBeanMethods = false)
// no web server in the command-line modes: nothing to secure, and the token decoder is not there
@ConditionalOnWebApplication
class MachineApiSecurity {

	static final String REGISTRY = "/REST/ebox/enterprise/messageRegistry/v2";

	static final String REFERENCE_DATA = REGISTRY + "/referenceData";

	@Bean
	@Order(2)
	SecurityFilterChain machineApi(HttpSecurity http, JwtDecoder decoder, ObjectProvider<MachineApiAccess> modules)
			throws Exception {
		http.securityMatcher("/REST/**", "/api/**")
			.authorizeHttpRequests(requests -> {
				requests.requestMatchers(HttpMethod.GET, REFERENCE_DATA + "/**")
					.hasAnyAuthority(Scopes.authority(Scopes.REFERENCE_DATA), Scopes.authority(Scopes.DOCUMENT_CONSUMER));
				modules.orderedStream().forEach(module -> module.authorize(requests));
				requests.anyRequest().denyAll();
			})
			.oauth2ResourceServer(server -> server.jwt(jwt -> jwt.decoder(decoder))
				.authenticationEntryPoint(StatusMessageResponses.unauthorized())
				.accessDeniedHandler(StatusMessageResponses.forbidden()))
			.exceptionHandling(errors -> errors.authenticationEntryPoint(StatusMessageResponses.unauthorized())
				.accessDeniedHandler(StatusMessageResponses.forbidden()))
			.sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.requestCache(cache -> cache.disable())
			.csrf(csrf -> csrf.disable());
		return http.build();
	}

	/**
	 * With {@code EBOX_OAUTH_ISSUER_URI} the tokens come from an external issuer (e.g. Keycloak). Its metadata and keys
	 * are fetched on the first request, not at start, so the application starts while the issuer is unreachable. The
	 * decoder is the one {@code JwtDecoders.fromIssuerLocation} builds (issuer, lifetime and certificate-binding
	 * checks); its signature check is done once per token ({@link VerifiedTokens}), the other checks at every request.
	 */
	@Bean
	@ConditionalOnExpression("!'${ebox.oauth.issuer-uri:}'.isBlank()")
	JwtDecoder externalIssuerJwtDecoder(@Value("${ebox.oauth.issuer-uri}") String issuerUri) {
		OAuth2TokenValidator<Jwt> validator = JwtValidators.createDefaultWithIssuer(issuerUri);
		return new VerifiedTokens(new SupplierJwtDecoder(() -> {
			NimbusJwtDecoder decoder = NimbusJwtDecoder.withIssuerLocation(issuerUri).build();
			decoder.setJwtValidator(validator);
			return decoder;
		}), validator);
	}
}
