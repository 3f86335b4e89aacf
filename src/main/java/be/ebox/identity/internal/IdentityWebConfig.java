package be.ebox.identity.internal;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** The identity module's part of the web setup: lockout settings, the language kept on accounts, housekeeping. */
@Configuration
@EnableConfigurationProperties({ LockoutProperties.class, SecondFactorProperties.class })
@EnableScheduling
class IdentityWebConfig implements WebMvcConfigurer {

	private final LanguagePreference languagePreference;

	IdentityWebConfig(LanguagePreference languagePreference) {
		this.languagePreference = languagePreference;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(languagePreference);
	}
}
