package be.ebox.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Properties;

import org.springframework.boot.autoconfigure.context.MessageSourceProperties;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.AbstractApplicationContext;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.core.CollectionFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PropertiesLoaderUtils;

/**
 * The application's message source: Spring Boot's, configured from the same {@code spring.messages.*} settings as
 * Boot's auto-configuration does (which steps back when a bean of this name exists), but one that remembers each text
 * it resolved ({@link RememberedMessages}).
 */
@Configuration(proxyBeanMethods = false)
class MessagesConfig {

	@Bean
	@ConfigurationProperties("spring.messages")
	MessageSourceProperties messageSourceProperties() {
		return new MessageSourceProperties();
	}

	@Bean(AbstractApplicationContext.MESSAGE_SOURCE_BEAN_NAME)
	MessageSource messageSource(MessageSourceProperties properties) {
		// bundles read again after a while: remembering their texts would keep the old ones
		var source = properties.getCacheDuration() == null ? new RememberedMessages() : new ResourceBundleMessageSource();
		if (!properties.getBasename().isEmpty()) {
			source.setBasenames(properties.getBasename().toArray(String[]::new));
		}
		if (properties.getEncoding() != null) {
			source.setDefaultEncoding(properties.getEncoding().name());
		}
		source.setFallbackToSystemLocale(properties.isFallbackToSystemLocale());
		if (properties.getCacheDuration() != null) {
			source.setCacheMillis(properties.getCacheDuration().toMillis());
		}
		source.setAlwaysUseMessageFormat(properties.isAlwaysUseMessageFormat());
		source.setUseCodeAsDefaultMessage(properties.isUseCodeAsDefaultMessage());
		source.setCommonMessages(commonMessages(properties));
		return source;
	}

	private static Properties commonMessages(MessageSourceProperties properties) {
		if (properties.getCommonMessages() == null || properties.getCommonMessages().isEmpty()) {
			return null;
		}
		Properties common = CollectionFactory.createSortedProperties(false);
		for (Resource resource : properties.getCommonMessages()) {
			try {
				PropertiesLoaderUtils.fillProperties(common, resource);
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Failed to load common messages from '%s'".formatted(resource), ex);
			}
		}
		return common;
	}
}
