package be.ebox.senders;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;

/**
 * A module's access rules for its machine endpoints under {@code /REST/**} and {@code /api/**}: declare a bean of this
 * type and its rules are added to the bearer-token security chain (before the final deny-all). Example:
 * {@code requests -> requests.requestMatchers(HttpMethod.POST, "/REST/ebox/enterprise/messageRegistry/v2/publishMessage")
 * .hasAuthority(Scopes.authority(Scopes.PUBLICATION_SENDER))}.
 */
@FunctionalInterface
public interface MachineApiAccess {

	void authorize(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests);
}
