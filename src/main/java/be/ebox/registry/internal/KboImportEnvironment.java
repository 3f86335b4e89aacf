package be.ebox.registry.internal;

import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * With {@code --import-kbo=...} the application starts without its web server: the import runs and exits, and must
 * not fail because a running instance holds the HTTP port. (Registered in {@code META-INF/spring.factories}.)
 */
public class KboImportEnvironment implements EnvironmentPostProcessor {

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (environment.containsProperty(KboImportCommand.OPTION)) {
			environment.getPropertySources()
				.addFirst(new MapPropertySource("ebox-import-kbo", Map.of("spring.main.web-application-type", "none")));
		}
	}
}
