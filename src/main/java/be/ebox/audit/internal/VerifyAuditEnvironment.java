package be.ebox.audit.internal;

import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * With {@code --verify-audit} the application starts without its web server: the check must not fail because a
 * running instance already holds the HTTP port. (Registered in {@code META-INF/spring.factories}.)
 */
public class VerifyAuditEnvironment implements EnvironmentPostProcessor {

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (environment.containsProperty(VerifyAuditCommand.OPTION)) {
			environment.getPropertySources()
				.addFirst(new MapPropertySource("ebox-verify-audit", Map.of("spring.main.web-application-type", "none")));
		}
	}
}
