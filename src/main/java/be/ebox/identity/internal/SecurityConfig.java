package be.ebox.identity.internal;

import java.util.Map;

import be.ebox.identity.EboxUser;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

@Configuration
@EnableWebSecurity
class SecurityConfig {

	/** No inline script or style anywhere: every page loads its CSS and JS from our origin. */
	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
			+ "img-src 'self' data:; font-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
			+ "frame-ancestors 'none'";

	@Bean
	SecurityFilterChain pages(HttpSecurity http) throws Exception {
		var success = new SavedRequestAwareAuthenticationSuccessHandler();
		success.setDefaultTargetUrl("/ebox");
		http.authorizeHttpRequests(requests -> requests
				.requestMatchers("/", "/login", "/register", "/register/**", "/activate", "/activate/**", "/terms",
						"/terms/**", "/css/**", "/js/**", "/images/**", "/favicon.ico", "/error", "/actuator/health",
						"/actuator/health/**")
				.permitAll()
				.requestMatchers("/operator", "/operator/**").hasRole("OPERATOR")
				.anyRequest().authenticated())
			.formLogin(form -> form.loginPage("/login").successHandler((request, response, authentication) -> {
				if (authentication.getPrincipal() instanceof EboxUser user && user.isOperator()) {
					response.sendRedirect(request.getContextPath() + "/operator");
				}
				else {
					success.onAuthenticationSuccess(request, response, authentication);
				}
			}).permitAll())
			.logout(logout -> logout.logoutSuccessUrl("/?signedOut"))
			.headers(headers -> headers
				.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
				.referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)));
		return http.build();
	}

	/** Argon2id for new hashes; bcrypt still verifies, so the work factor can move without a migration. */
	@Bean
	PasswordEncoder passwordEncoder() {
		var encoders = Map.<String, PasswordEncoder>of("argon2", Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8(),
				"bcrypt", new BCryptPasswordEncoder());
		return new DelegatingPasswordEncoder("argon2", encoders);
	}
}
