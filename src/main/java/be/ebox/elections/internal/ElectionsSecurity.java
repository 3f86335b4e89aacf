package be.ebox.elections.internal;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.header.writers.CrossOriginOpenerPolicyHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * The web application of the social elections has its own login (dossier number + password), separate from the
 * e-Box login: its own filter chain for {@code /elections/app/**} and the public {@code /elections/info}, and its own
 * security context in the session under another key, so signing in to one never signs in to (or out of) the other.
 * Same protections as the page chain: CSRF, session fixation, the same headers (repeated here: the page chain's
 * constants are internal to identity).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class ElectionsSecurity {

	static final String CONTEXT_KEY = "EBOX_ELECTIONS_SECURITY_CONTEXT";

	private static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
			+ "img-src 'self' data:; font-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
			+ "frame-ancestors 'none'";

	@Bean
	@Order(3)
	SecurityFilterChain electionsApplication(HttpSecurity http, DossierAuthentication dossiers) throws Exception {
		var contexts = new HttpSessionSecurityContextRepository();
		contexts.setSpringSecurityContextKey(CONTEXT_KEY);
		http.securityMatcher("/elections/app", "/elections/app/**", "/elections/info", "/elections/info/**")
			.authorizeHttpRequests(requests -> requests
				.requestMatchers("/elections/info", "/elections/info/**", "/elections/app/login", "/elections/app/lost")
				.permitAll()
				.anyRequest()
				.hasAuthority(DossierAuthentication.ROLE))
			.securityContext(context -> context.securityContextRepository(contexts))
			.authenticationManager(new ProviderManager(dossiers))
			.requestCache(cache -> cache.disable())
			.formLogin(form -> form.loginPage("/elections/app/login")
				.usernameParameter("dossier")
				.passwordParameter("password")
				.defaultSuccessUrl("/elections/app", true)
				.failureUrl("/elections/app/login?error")
				.permitAll())
			.logout(logout -> logout.logoutUrl("/elections/app/logout")
				// the e-Box login in the same session stays
				.invalidateHttpSession(false)
				.addLogoutHandler((request, response, authentication) -> contexts
					.saveContext(SecurityContextHolder.createEmptyContext(), request, response))
				.logoutSuccessUrl("/elections/app/login?signedOut"))
			.headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
				.frameOptions(frame -> frame.deny())
				.referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
				.permissionsPolicyHeader(permissions -> permissions
					.policy("camera=(), microphone=(), geolocation=(), payment=(), usb=()"))
				.crossOriginOpenerPolicy(coop -> coop
					.policy(CrossOriginOpenerPolicyHeaderWriter.CrossOriginOpenerPolicy.SAME_ORIGIN))
				.httpStrictTransportSecurity(hsts -> hsts.includeSubDomains(true).maxAgeInSeconds(31_536_000)));
		return http.build();
	}
}
