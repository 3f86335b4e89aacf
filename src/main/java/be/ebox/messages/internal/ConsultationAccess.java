package be.ebox.messages.internal;

import be.ebox.senders.MachineApiAccess;
import be.ebox.senders.Scopes;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * Scopes of the consultation endpoints, as in the real e-Box Enterprise: {@code summaryownebox} for {@code /ebox},
 * {@code messagesfull} for {@code /ebox/messages/**}, and the newer {@code documentconsumer} for both. Which e-Box and
 * which messages is decided per request from the token's enterprise and the reading rights.
 */
@Configuration(proxyBeanMethods = false)
class ConsultationAccess {

	static final String REGISTRY = "/REST/ebox/enterprise/messageRegistry/v2";

	@Bean
	MachineApiAccess consultationEndpointAccess() {
		String summary = Scopes.authority(Scopes.SUMMARY_OWN_EBOX);
		String full = Scopes.authority(Scopes.MESSAGES_FULL);
		String consumer = Scopes.authority(Scopes.DOCUMENT_CONSUMER);
		String sender = Scopes.authority(Scopes.PUBLICATION_SENDER);
		return requests -> requests.requestMatchers(HttpMethod.GET, ConsultationApi.EBOX)
			.hasAnyAuthority(summary, consumer)
			.requestMatchers(HttpMethod.GET, ConsultationApi.MESSAGES, ConsultationApi.MESSAGES + "/**")
			.hasAnyAuthority(full, consumer)
			.requestMatchers(HttpMethod.PATCH, ConsultationApi.MESSAGES)
			.hasAnyAuthority(full, consumer)
			.requestMatchers(HttpMethod.POST, MessageStatusApi.PATH)
			.hasAuthority(sender)
			// our extensions: the sender publishes and fetches evidence, the enterprise's software acts on messages
			.requestMatchers(HttpMethod.GET, "/api/v1/openapi.yaml")
			.permitAll()
			.requestMatchers(HttpMethod.POST, ExtensionApi.MESSAGES)
			.hasAuthority(sender)
			.requestMatchers(HttpMethod.GET, ExtensionApi.MESSAGES + "/*/evidence")
			.hasAuthority(sender)
			.requestMatchers(HttpMethod.POST, ExtensionApi.MESSAGES + "/*/acknowledgement")
			.hasAnyAuthority(full, consumer)
			.requestMatchers(ExtensionApi.MESSAGES + "/*/done")
			.hasAnyAuthority(full, consumer);
	}
}
