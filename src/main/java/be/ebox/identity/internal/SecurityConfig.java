package be.ebox.identity.internal;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;

import be.ebox.identity.EboxUser;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.HttpMessageConverterAuthenticationSuccessHandler;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.webauthn.authentication.WebAuthnAuthenticationFilter;
import org.springframework.security.web.webauthn.management.WebAuthnRelyingPartyOperations;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.header.writers.CrossOriginOpenerPolicyHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

@Configuration
@EnableWebSecurity
// no web server in the command-line modes: nothing to secure, and the token decoder is not there
@ConditionalOnWebApplication
class SecurityConfig {

	/** No inline script or style anywhere: every page loads its CSS and JS from our origin. */
	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
			+ "img-src 'self' data:; font-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
			+ "frame-ancestors 'none'";

	/** Browser features no e-Box page uses. */
	static final String PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=()";

	/**
	 * No Micrometer observation around each of the chain's filters and each request's authorization decision: a
	 * dozen observations per page, about a twentieth of the server time of a small page, for timers nobody reads
	 * (the request itself is still timed as {@code http.server.requests}). Sign-ins are still observed.
	 */
	@Bean
	static SecurityObservationSettings securityObservations() {
		return SecurityObservationSettings.withDefaults()
			.shouldObserveRequests(false)
			.shouldObserveAuthorizations(false)
			.build();
	}

	/**
	 * Session fixation: Spring Security's default (the session id changes at sign-in) is kept on purpose.
	 * CSRF: on, with the default session-held token. Sessions: Spring Session JDBC, table {@code spring_session}.
	 */
	@Bean
	SecurityFilterChain pages(HttpSecurity http, PasswordAuthentication passwordAuthentication,
			LanguagePreference languagePreference, SecondFactorStep secondFactor, WebAuthnRelyingPartyOperations relyingParty,
			AccountUserDetailsService users) throws Exception {
		var success = new SavedRequestAwareAuthenticationSuccessHandler();
		success.setDefaultTargetUrl("/ebox");
		http.authorizeHttpRequests(requests -> requests
				.requestMatchers("/", "/login", "/register", "/register/**", "/activate", "/activate/**", "/terms",
						"/terms/**", "/invitation/*", "/invitation/*/create", "/css/**", "/js/**", "/images/**", "/favicon.ico", "/error", "/actuator/health",
						"/actuator/health/**")
				.permitAll()
				.requestMatchers("/operator", "/operator/**").hasRole("OPERATOR")
				.anyRequest().authenticated())
			// the throttled password check is the only way in through the form
			.authenticationManager(new ProviderManager(passwordAuthentication))
			.formLogin(form -> form.loginPage("/login").successHandler((request, response, authentication) -> {
				if (authentication.getPrincipal() instanceof EboxUser user) {
					languagePreference.onSignIn(user, request, response);
					SecondFactorStep.State state = secondFactor.state(authentication);
					if (state != SecondFactorStep.State.DONE) {
						// the page asked for stays in the request cache until the second step is done
						response.sendRedirect(request.getContextPath() + SecondFactorStep.pageOf(state));
						return;
					}
					if (user.isOperator()) {
						response.sendRedirect(request.getContextPath() + "/operator");
						return;
					}
				}
				success.onAuthenticationSuccess(request, response, authentication);
			}).permitAll())
			// passkeys: Spring Security's registration endpoints (/webauthn/register...) and its assertion check
			// (/login/webauthn), which here completes the sign-in of the person who gave their password
			.webAuthn(webAuthn -> webAuthn.disableDefaultRegistrationPage(true)
				.creationOptionsRepository(new SessionCreationOptions())
				.withObjectPostProcessor(new ObjectPostProcessor<WebAuthnAuthenticationFilter>() {
					@Override
					public <O extends WebAuthnAuthenticationFilter> O postProcess(O filter) {
						filter.setAuthenticationManager(new PasskeyAsSecondFactor(relyingParty, users));
						filter.setSecurityContextRepository(new HttpSessionSecurityContextRepository());
						var json = new HttpMessageConverterAuthenticationSuccessHandler();
						json.setRequestCache(new AfterSecondStep());
						filter.setAuthenticationSuccessHandler((request, response, authentication) -> {
							request.changeSessionId();
							json.onAuthenticationSuccess(request, response, authentication);
						});
						return filter;
					}
				}))
			.addFilterAfter(new SecondFactorGate(secondFactor), AuthorizationFilter.class)
			.logout(logout -> logout.logoutSuccessUrl("/?signedOut"))
			.headers(headers -> headers
				.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
				.frameOptions(frame -> frame.deny())
				.referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
				.permissionsPolicyHeader(permissions -> permissions.policy(PERMISSIONS_POLICY))
				.crossOriginOpenerPolicy(coop -> coop
					.policy(CrossOriginOpenerPolicyHeaderWriter.CrossOriginOpenerPolicy.SAME_ORIGIN))
				// sent on HTTPS requests only (a browser ignores it over HTTP anyway)
				.httpStrictTransportSecurity(hsts -> hsts.includeSubDomains(true).maxAgeInSeconds(31_536_000)));
		return http.build();
	}
}
