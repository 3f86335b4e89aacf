package be.ebox.identity.internal;

import java.net.URI;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialRpEntity;
import org.springframework.security.web.webauthn.management.JdbcPublicKeyCredentialUserEntityRepository;
import org.springframework.security.web.webauthn.management.JdbcUserCredentialRepository;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialUserEntityRepository;
import org.springframework.security.web.webauthn.management.UserCredentialRepository;
import org.springframework.security.web.webauthn.management.WebAuthnRelyingPartyOperations;
import org.springframework.security.web.webauthn.management.Webauthn4JRelyingPartyOperations;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Passkeys with Spring Security's WebAuthn support, stored by its JDBC repositories (tables in V110). The relying
 * party is the host of {@code EBOX_PUBLIC_URL}; browsers sign for that origin only.
 */
@Configuration(proxyBeanMethods = false)
class PasskeyConfig {

	private final Set<String> origins = new CopyOnWriteArraySet<>();

	private final String rpId;

	PasskeyConfig(@Value("${ebox.public-url}") String publicUrl) {
		URI uri = URI.create(publicUrl);
		this.rpId = uri.getHost();
		this.origins.add(uri.getScheme() + "://" + uri.getAuthority());
	}

	@Bean
	PublicKeyCredentialUserEntityRepository passkeyUsers(JdbcOperations jdbc) {
		return new JdbcPublicKeyCredentialUserEntityRepository(jdbc);
	}

	@Bean
	UserCredentialRepository passkeyCredentials(JdbcOperations jdbc, SecondFactors factors,
			PublicKeyCredentialUserEntityRepository users, PlatformTransactionManager transactions) {
		return new AuditedPasskeys(new JdbcUserCredentialRepository(jdbc), users, factors, transactions);
	}

	@Bean
	WebAuthnRelyingPartyOperations relyingParty(PublicKeyCredentialUserEntityRepository users,
			UserCredentialRepository credentials, SecondFactorProperties properties) {
		var rp = PublicKeyCredentialRpEntity.builder().id(rpId).name(properties.issuer()).build();
		// the set is read at every ceremony, so the listener below can still add to it
		return new Webauthn4JRelyingPartyOperations(users, credentials, rp, origins);
	}

	/**
	 * On a localhost public URL (development, demo, tests) the port the server really listens on is an allowed origin
	 * too: {@code EBOX_PORT} need not match the port in {@code EBOX_PUBLIC_URL} there. Never on a real host name.
	 */
	@EventListener
	void onStart(WebServerInitializedEvent event) {
		if ("localhost".equals(rpId) && event.getApplicationContext().getServerNamespace() == null) {
			origins.add("http://localhost:" + event.getWebServer().getPort());
		}
	}
}
