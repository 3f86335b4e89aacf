package be.ebox.senders.internal;

import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The RSA keys that sign access tokens, kept in the database so that every instance signs and validates with the same
 * keys. All active keys are published (public half only) and accepted; the newest one signs. The first instance to
 * find none creates one; when two start at once, both keys are accepted everywhere. Keys are re-read every minute and
 * whenever a token names an unknown key, so rotation needs no restart: insert a new key (it signs within a minute),
 * then set the old one inactive once the tokens it signed have expired (token lifetime + a minute). The private key is
 * never logged; it is stored as PKCS#8 base64 (whoever reads this table could also read every document: the
 * database is the trust boundary).
 */
class SigningKeys implements JWKSource<SecurityContext> {

	private static final Duration REFRESH = Duration.ofMinutes(1);

	private final JdbcClient jdbc;

	private final Clock clock;

	private volatile JWKSet keys = new JWKSet();

	private volatile Instant loadedAt = Instant.EPOCH;

	SigningKeys(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Override
	public List<JWK> get(JWKSelector selector, SecurityContext context) throws KeySourceException {
		List<JWK> found = selector.select(current());
		if (found.isEmpty()) {
			found = selector.select(reload());
		}
		return found;
	}

	private JWKSet current() {
		if (keys.isEmpty() || clock.instant().isAfter(loadedAt.plus(REFRESH))) {
			return reload();
		}
		return keys;
	}

	synchronized JWKSet reload() {
		List<JWK> active = load();
		if (active.isEmpty()) {
			insertNewKey();
			active = load();
		}
		keys = new JWKSet(active);
		loadedAt = clock.instant();
		return keys;
	}

	/**
	 * The key that signs: only the newest, since the JWT encoder refuses to choose among several keys of the same
	 * algorithm.
	 */
	JWKSource<SecurityContext> signing() {
		return (selector, context) -> selector.select(new JWKSet(current().getKeys().get(0)));
	}

	/** Newest first. */
	private List<JWK> load() {
		return jdbc.sql("SELECT key_id, public_key, private_key FROM oauth_signing_key WHERE active = TRUE ORDER BY created_at DESC, key_id")
			.query((rs, n) -> (JWK) rsaKey(rs.getString("key_id"), rs.getString("public_key"), rs.getString("private_key")))
			.list();
	}

	void insertNewKey() {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
			generator.initialize(2048);
			KeyPair pair = generator.generateKeyPair();
			jdbc.sql("INSERT INTO oauth_signing_key (key_id, public_key, private_key, created_at) VALUES (?, ?, ?, ?)")
				.params(UUID.randomUUID().toString(), Base64.getEncoder().encodeToString(pair.getPublic().getEncoded()),
						Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded()), OffsetDateTime.now(clock))
				.update();
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("every JVM has RSA", ex);
		}
	}

	private static RSAKey rsaKey(String keyId, String publicKey, String privateKey) {
		try {
			KeyFactory factory = KeyFactory.getInstance("RSA");
			var pub = (RSAPublicKey) factory.generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(publicKey)));
			var priv = (RSAPrivateKey) factory.generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(privateKey)));
			return new RSAKey.Builder(pub).privateKey(priv).keyID(keyId).build();
		}
		catch (NoSuchAlgorithmException | InvalidKeySpecException ex) {
			// the message names the key, never its content
			throw new IllegalStateException("Signing key " + keyId + " cannot be read", ex);
		}
	}
}
