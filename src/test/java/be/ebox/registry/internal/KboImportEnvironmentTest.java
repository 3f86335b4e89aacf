package be.ebox.registry.internal;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.SimpleCommandLinePropertySource;
import org.springframework.core.env.StandardEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

class KboImportEnvironmentTest {

	@Test
	void theImportRunsWithoutAWebServerAndANormalStartKeepsIt() {
		var command = environment("--import-kbo=/data/kbo.zip");
		new KboImportEnvironment().postProcessEnvironment(command, new SpringApplication());
		assertThat(command.getProperty("spring.main.web-application-type")).isEqualTo("none");

		var normal = environment("--server.port=8081");
		new KboImportEnvironment().postProcessEnvironment(normal, new SpringApplication());
		assertThat(normal.getProperty("spring.main.web-application-type")).isNull();
	}

	private static StandardEnvironment environment(String... args) {
		var environment = new StandardEnvironment();
		environment.getPropertySources().addFirst(new SimpleCommandLinePropertySource(args));
		return environment;
	}
}
