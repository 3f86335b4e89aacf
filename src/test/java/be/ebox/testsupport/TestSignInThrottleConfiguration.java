package be.ebox.testsupport;

import be.ebox.identity.SignInThrottle;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * An auto-configuration (test classpath only) so that it is evaluated after the application's own beans: it backs
 * off as soon as the identity module provides its real {@link SignInThrottle}.
 */
@AutoConfiguration
public class TestSignInThrottleConfiguration {

	@Bean
	@ConditionalOnMissingBean(SignInThrottle.class)
	SignInThrottle inMemorySignInThrottle() {
		return new InMemorySignInThrottle();
	}
}
