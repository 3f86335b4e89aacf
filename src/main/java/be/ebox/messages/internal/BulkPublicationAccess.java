package be.ebox.messages.internal;

import be.ebox.senders.MachineApiAccess;
import be.ebox.senders.Scopes;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * Bulk publication needs the publication scope; a job is then visible only to the application that started it. Its
 * OpenAPI description ({@code /api/v1/publications.yaml}) is public.
 */
@Configuration(proxyBeanMethods = false)
class BulkPublicationAccess {

	@Bean
	MachineApiAccess bulkPublicationEndpointAccess() {
		return requests -> requests.requestMatchers(HttpMethod.GET, BulkPublicationApi.PATH + ".yaml")
			.permitAll()
			.requestMatchers(HttpMethod.POST, BulkPublicationApi.PATH)
			.hasAuthority(Scopes.authority(Scopes.PUBLICATION_SENDER))
			.requestMatchers(HttpMethod.GET, BulkPublicationApi.PATH + "/*")
			.hasAuthority(Scopes.authority(Scopes.PUBLICATION_SENDER));
	}
}
