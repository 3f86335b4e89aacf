package be.ebox;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The command-line modes ({@code --import-kbo}, {@code --verify-audit}) start the application without a web server;
 * every bean must still find what it needs then. Started here as those modes start it, minus the command itself.
 */
class CommandLineStartTest {

	@Test
	void theApplicationStartsWithoutAWebServer() {
		String database = "jdbc:h2:mem:cli-" + UUID.randomUUID() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
				+ "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";
		try (var context = new SpringApplicationBuilder(EboxApplication.class).web(WebApplicationType.NONE)
			.run("--spring.datasource.url=" + database, "--spring.datasource.username=sa")) {
			assertThat(context.isActive()).isTrue();
			assertThat(context.getBean(JdbcClient.class).sql("SELECT COUNT(*) FROM flyway_schema_history")
				.query(Long.class).single()).isPositive();
		}
	}
}
