package be.ebox.elections.internal;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.support.AbstractResourceBasedMessageSource;
import org.springframework.stereotype.Component;

/**
 * Adds {@code messages/elections} to the application's message source, so this module's texts live in its own files
 * instead of in the shared {@code spring.messages.basename} list.
 */
@Component
class ElectionsMessageBundle implements BeanPostProcessor {

	static final String BASENAME = "messages/elections";

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (bean instanceof AbstractResourceBasedMessageSource source && "messageSource".equals(beanName)
				&& !source.getBasenameSet().contains(BASENAME)) {
			source.addBasenames(BASENAME);
		}
		return bean;
	}
}
