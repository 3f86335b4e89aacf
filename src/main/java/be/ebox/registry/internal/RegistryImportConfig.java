package be.ebox.registry.internal;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.TaskExecutor;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

@Configuration
class RegistryImportConfig {

	/**
	 * One import at a time per instance (imports are I/O- and database-bound; two would only contend), a few queued.
	 * Not a default candidate, so Spring Boot's own application task executor stays in place for everyone else.
	 */
	@Bean(defaultCandidate = false)
	TaskExecutor registryImportExecutor() {
		var executor = new ThreadPoolTaskExecutor();
		executor.setThreadNamePrefix("registry-import-");
		executor.setCorePoolSize(1);
		executor.setMaxPoolSize(1);
		executor.setQueueCapacity(10);
		executor.setWaitForTasksToCompleteOnShutdown(false);
		return executor;
	}

	/** COPY-based on PostgreSQL, MERGE-based elsewhere (H2). */
	@Bean
	RegistryStore registryStore(DataSource dataSource) throws SQLException {
		try (Connection connection = dataSource.getConnection()) {
			String product = connection.getMetaData().getDatabaseProductName();
			return "PostgreSQL".equalsIgnoreCase(product) ? new PostgresRegistryStore() : new H2RegistryStore();
		}
	}
}
