package be.ebox.demo.internal;

import java.security.SecureRandom;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * In demo mode, decides the demo secret before any bean exists, because two modules need the same value: the demo
 * accounts (this module) and the operator account (identity reads {@code ebox.operator.password} once at start).
 * <ul>
 * <li>{@code EBOX_DEMO_SECRET} empty: a secret is generated here and kept in a property for this run only;</li>
 * <li>{@code EBOX_OPERATOR_PASSWORD} empty: the operator's password becomes the demo secret, which is what a newcomer
 * expects; when it is set it wins, as everywhere else.</li>
 * </ul>
 * Registered in {@code META-INF/spring.factories}; does nothing for the {@code --import-kbo} and {@code --verify-audit}
 * commands.
 */
public class DemoEnvironment implements EnvironmentPostProcessor {

	static final String ENABLED = "ebox.demo.enabled";

	static final String SECRET = "ebox.demo.secret";

	/** true when this run generated the secret, so it must be shown on the console. */
	static final String GENERATED = "ebox.demo.secret-generated";

	static final String OPERATOR_PASSWORD = "ebox.operator.password";

	static final int GENERATED_LENGTH = 20;

	/** Letters and digits that cannot be mistaken for one another when read off a console. */
	private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

	private final SecureRandom random = new SecureRandom();

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (!environment.getProperty(ENABLED, Boolean.class, false) || isCommand(environment)) {
			return;
		}
		Map<String, Object> decided = new HashMap<>();
		String secret = environment.getProperty(SECRET, "");
		if (secret.isEmpty()) {
			secret = generated();
			decided.put(SECRET, secret);
			decided.put(GENERATED, "true");
		}
		if (environment.getProperty(OPERATOR_PASSWORD, "").isEmpty()) {
			decided.put(OPERATOR_PASSWORD, secret);
		}
		if (!decided.isEmpty()) {
			environment.getPropertySources().addFirst(new MapPropertySource("ebox-demo", decided));
		}
	}

	static boolean isCommand(ConfigurableEnvironment environment) {
		return environment.containsProperty("import-kbo") || environment.containsProperty("verify-audit");
	}

	String generated() {
		while (true) {
			StringBuilder secret = new StringBuilder(GENERATED_LENGTH);
			for (int i = 0; i < GENERATED_LENGTH; i++) {
				secret.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
			}
			// about 116 random bits are never a common password; the policy also refuses a password containing the
			// username, which only "operator" could be (the demo usernames have a hyphen the alphabet lacks)
			if (!secret.toString().toLowerCase(Locale.ROOT).contains("operator")) {
				return secret.toString();
			}
		}
	}
}
