package be.ebox.messages.internal;

import be.ebox.senders.MachineApiAccess;
import be.ebox.senders.Scopes;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/** Publication needs a token with the publication scope; the sender claims are checked per message. */
@Configuration(proxyBeanMethods = false)
class PublicationAccess {

	static final String PUBLISH = "/REST/ebox/enterprise/messageRegistry/v2/publishMessage";

	@Bean
	MachineApiAccess publicationEndpointAccess() {
		return requests -> requests.requestMatchers(HttpMethod.POST, PUBLISH)
			.hasAuthority(Scopes.authority(Scopes.PUBLICATION_SENDER));
	}
}
