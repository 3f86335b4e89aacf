package be.ebox.system;

import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.context.NoSuchMessageException;
import org.springframework.context.support.AbstractApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The application's message source: the remembering one, with the settings of spring.messages and every bundle. */
@SpringBootTest
class MessagesConfigTest {

	@Autowired
	ApplicationContext context;

	@Test
	void theApplicationResolvesItsTextsThroughTheRememberingSource() {
		assertThat(context.getBean(AbstractApplicationContext.MESSAGE_SOURCE_BEAN_NAME))
			.isInstanceOf(RememberedMessages.class);
		// a shared bundle, a module's own bundle (added by that module), the default language's file
		assertThat(context.getMessage("inbox.filter.any", null, Locale.forLanguageTag("nl")))
			.isNotEqualTo(context.getMessage("inbox.filter.any", null, Locale.forLanguageTag("fr")));
		assertThat(context.getMessage("elections.body.WORKS_COUNCIL", null, Locale.ENGLISH)).isEqualTo("Works council");
		// no fallback to the machine's language, no code as default text
		assertThatThrownBy(() -> context.getMessage("no.such.code", null, Locale.forLanguageTag("es")))
			.isInstanceOf(NoSuchMessageException.class);
	}
}
