package be.ebox.senders.internal;

import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import be.ebox.audit.AuditEvent;
import be.ebox.audit.AuditTrail;
import be.ebox.registry.EnterpriseNumber;
import be.ebox.senders.IssuedClient;
import be.ebox.senders.MachineClient;
import be.ebox.senders.MachineClients;
import be.ebox.senders.Scopes;
import be.ebox.senders.SenderApplicationId;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.client.JdbcRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.OAuth2TokenFormat;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Machine clients: Spring Authorization Server's registered client (secret hash, scopes, grant type) plus our
 * {@code machine_client} row saying whom the client acts for. The clear secret leaves this class once, in the
 * {@link IssuedClient}; it is neither stored nor logged.
 */
@Service
class JdbcMachineClients implements MachineClients {

	private static final SecureRandom RANDOM = new SecureRandom();

	static final Duration REVOCATION_CACHE = Duration.ofSeconds(30);

	private record Revocation(boolean revoked, Instant until) {
	}

	private final Map<String, Revocation> revocations = new ConcurrentHashMap<>();

	private final JdbcClient jdbc;

	private final JdbcRegisteredClientRepository registeredClients;

	private final ClientSecretEncoder secrets;

	private final JdbcReferenceData referenceData;

	private final AuditTrail audit;

	private final Clock clock;

	JdbcMachineClients(JdbcClient jdbc, JdbcTemplate jdbcTemplate, PasswordEncoder passwordEncoder,
			JdbcReferenceData referenceData, AuditTrail audit, Clock clock) {
		this.jdbc = jdbc;
		this.registeredClients = new JdbcRegisteredClientRepository(jdbcTemplate);
		this.secrets = new ClientSecretEncoder(passwordEncoder);
		this.referenceData = referenceData;
		this.audit = audit;
		this.clock = clock;
	}

	ClientSecretEncoder secretEncoder() {
		return secrets;
	}

	JdbcRegisteredClientRepository registeredClients() {
		return registeredClients;
	}

	Optional<EnterpriseNumber> organisationOf(SenderApplicationId application) {
		return referenceData.findApplication(application).map(app -> app.organisation());
	}

	@Override
	@Transactional
	public IssuedClient createForApplication(SenderApplicationId application, String actor) {
		var app = referenceData.findApplication(application)
			.orElseThrow(() -> new IllegalArgumentException("Unknown sender application " + application));
		String clientId = "sender-" + randomId();
		String secret = randomSecret();
		register(clientId, app.name().in("nl"), secrets.encode(secret), Scopes.SENDER_CLIENT);
		link(clientId, application, null, actor);
		audit.record(AuditEvent.of(actor, "MACHINE_CLIENT_CREATED", null, "client " + clientId + " for application " + application));
		return new IssuedClient(clientId, secret);
	}

	@Override
	@Transactional
	public IssuedClient createForEnterprise(EnterpriseNumber enterprise, String actor) {
		String clientId = "ebox-" + enterprise.digits() + "-" + randomId();
		String secret = randomSecret();
		register(clientId, "e-Box " + enterprise.formatted(), secrets.encode(secret), Scopes.CONSUMER_CLIENT);
		link(clientId, null, enterprise, actor);
		audit.record(AuditEvent.of(actor, "MACHINE_CLIENT_CREATED", enterprise, "client " + clientId));
		return new IssuedClient(clientId, secret);
	}

	/**
	 * Creates or resets a client with a fixed id and a secret chosen by a person (demo data): the secret is hashed
	 * with the slow password hash, since it may be weak.
	 */
	@Transactional
	void installForApplication(String clientId, SenderApplicationId application, String chosenSecret, String actor) {
		RegisteredClient existing = registeredClients.findByClientId(clientId);
		String hash = secrets.encodeChosen(chosenSecret);
		if (existing != null) {
			registeredClients.save(RegisteredClient.from(existing).clientSecret(hash).build());
		}
		else {
			register(clientId, clientId, hash, Scopes.SENDER_CLIENT);
		}
		int linked = jdbc.sql("UPDATE machine_client SET sender_application = ?, enterprise_number = NULL, revoked_at = NULL, revoked_by = NULL WHERE client_id = ?")
			.params(application.value(), clientId)
			.update();
		if (linked == 0) {
			link(clientId, application, null, actor);
		}
	}

	/** Like {@link #installForApplication} for an enterprise's consumer client (demo data). */
	@Transactional
	void installForEnterprise(String clientId, EnterpriseNumber enterprise, String chosenSecret, String actor) {
		RegisteredClient existing = registeredClients.findByClientId(clientId);
		String hash = secrets.encodeChosen(chosenSecret);
		if (existing != null) {
			registeredClients.save(RegisteredClient.from(existing).clientSecret(hash).build());
		}
		else {
			register(clientId, "e-Box " + enterprise.formatted(), hash, Scopes.CONSUMER_CLIENT);
		}
		int linked = jdbc.sql("UPDATE machine_client SET sender_application = NULL, enterprise_number = ?, revoked_at = NULL, revoked_by = NULL WHERE client_id = ?")
			.params(enterprise.digits(), clientId)
			.update();
		if (linked == 0) {
			link(clientId, null, enterprise, actor);
		}
	}

	@Override
	@Transactional
	public void revoke(String clientId, String actor) {
		var client = find(clientId).filter(MachineClient::isActive);
		if (client.isEmpty()) {
			return;
		}
		jdbc.sql("DELETE FROM oauth2_registered_client WHERE client_id = ?").param(clientId).update();
		jdbc.sql("UPDATE machine_client SET revoked_at = ?, revoked_by = ? WHERE client_id = ?")
			.params(OffsetDateTime.now(clock), actor, clientId)
			.update();
		revocations.remove(clientId);
		audit.record(AuditEvent.of(actor, "MACHINE_CLIENT_REVOKED", client.get().enterprise().orElse(null), "client " + clientId));
	}

	/**
	 * Whether tokens of a client must be refused because it was revoked: checked on every API call, so the answer is
	 * remembered for {@link #REVOCATION_CACHE}; a revocation on this instance takes effect at once, on the others
	 * within that time (tokens live a few minutes anyway). Clients unknown here (an external issuer's) are not revoked.
	 */
	boolean isRevoked(String clientId) {
		Instant now = clock.instant();
		var cached = revocations.get(clientId);
		if (cached != null && cached.until().isAfter(now)) {
			return cached.revoked();
		}
		boolean revoked = find(clientId).map(client -> !client.isActive()).orElse(false);
		if (revocations.size() > 10_000) {
			revocations.clear();
		}
		revocations.put(clientId, new Revocation(revoked, now.plus(REVOCATION_CACHE)));
		return revoked;
	}

	@Override
	public Optional<MachineClient> find(String clientId) {
		return jdbc.sql("SELECT * FROM machine_client WHERE client_id = ?").param(clientId).query(JdbcMachineClients::client).optional();
	}

	@Override
	public List<MachineClient> ofApplication(SenderApplicationId application) {
		return jdbc.sql("SELECT * FROM machine_client WHERE sender_application = ? ORDER BY created_at, client_id")
			.param(application.value())
			.query(JdbcMachineClients::client)
			.list();
	}

	@Override
	public List<MachineClient> ofEnterprise(EnterpriseNumber enterprise) {
		return jdbc.sql("SELECT * FROM machine_client WHERE enterprise_number = ? ORDER BY created_at, client_id")
			.param(enterprise.digits())
			.query(JdbcMachineClients::client)
			.list();
	}

	private void register(String clientId, String name, String secretHash, Set<String> scopes) {
		registeredClients.save(RegisteredClient.withId(UUID.randomUUID().toString())
			.clientId(clientId)
			.clientIdIssuedAt(clock.instant())
			.clientSecret(secretHash)
			.clientName(name)
			.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
			.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
			.authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
			.scopes(s -> s.addAll(scopes))
			.clientSettings(ClientSettings.builder().requireAuthorizationConsent(false).build())
			// the lifetime itself comes from configuration, applied when the token is made (MachineTokenClaims)
			.tokenSettings(TokenSettings.builder().accessTokenFormat(OAuth2TokenFormat.SELF_CONTAINED).build())
			.build());
	}

	private void link(String clientId, SenderApplicationId application, EnterpriseNumber enterprise, String actor) {
		jdbc.sql("""
				INSERT INTO machine_client (client_id, sender_application, enterprise_number, created_at, created_by)
				VALUES (?, ?, ?, ?, ?)""")
			.params(clientId, application == null ? null : application.value(), enterprise == null ? null : enterprise.digits(),
					OffsetDateTime.now(clock), actor)
			.update();
	}

	private static String randomId() {
		byte[] bytes = new byte[8];
		RANDOM.nextBytes(bytes);
		return java.util.HexFormat.of().formatHex(bytes).toLowerCase(Locale.ROOT);
	}

	/** 256 random bits, base64url: typed or pasted once into the sender's configuration. */
	private static String randomSecret() {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	private static MachineClient client(ResultSet rs, int row) throws SQLException {
		String application = rs.getString("sender_application");
		String enterprise = rs.getString("enterprise_number");
		var revoked = rs.getObject("revoked_at", OffsetDateTime.class);
		return new MachineClient(rs.getString("client_id"),
				Optional.ofNullable(application).map(SenderApplicationId::new),
				Optional.ofNullable(enterprise).map(EnterpriseNumber::parse),
				rs.getObject("created_at", OffsetDateTime.class).toInstant(), rs.getString("created_by"),
				Optional.ofNullable(revoked).map(OffsetDateTime::toInstant));
	}

}
