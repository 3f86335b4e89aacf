package be.ebox.demo.internal;

import java.io.PrintStream;
import java.util.Optional;

import be.ebox.console.SenderStaff;
import be.ebox.enrolment.ActivationCredentials;
import be.ebox.enrolment.EboxState;
import be.ebox.enrolment.Enrolment;
import be.ebox.enrolment.RegistrationRequest;
import be.ebox.enrolment.TermsOfUse;
import be.ebox.identity.Account;
import be.ebox.identity.Accounts;
import be.ebox.identity.PasswordPolicyException;
import be.ebox.registry.EnterpriseNumber;
import be.ebox.registry.RegistryImports;
import be.ebox.senders.DemoReferenceData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Demo mode at start: the sample registry, the demo accounts of {@link DemoAccount#ALL} and the senders' demo
 * reference data. Idempotent: the H2 file database survives restarts, so what exists is kept and only the demo
 * passwords are set again to the current secret (a restart with a new generated secret must still work).
 * Runs before the other start-up runners so a refused secret stops the start before anything is written.
 */
@Component
@ConditionalOnProperty(name = DemoEnvironment.ENABLED, havingValue = "true")
@Order(Ordered.HIGHEST_PRECEDENCE + 100)
class DemoData implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoData.class);

	private final RegistryImports imports;

	private final Enrolment enrolment;

	private final Accounts accounts;

	private final DemoReferenceData senders;

	private final SenderStaff staff;

	private final DemoMessages messages;

	private final String secret;

	private final boolean generated;

	private final boolean operatorHasSecret;

	/** The sender console account of the employment service; the README's Demo section names it. */
	static final String STAFF_USERNAME = "fod-staff";

	DemoData(RegistryImports imports, Enrolment enrolment, Accounts accounts, DemoReferenceData senders,
			SenderStaff staff, DemoMessages messages, @Value("${" + DemoEnvironment.SECRET + ":}") String secret,
			@Value("${" + DemoEnvironment.GENERATED + ":false}") boolean generated,
			@Value("${" + DemoEnvironment.OPERATOR_PASSWORD + ":}") String operatorPassword) {
		this.imports = imports;
		this.enrolment = enrolment;
		this.accounts = accounts;
		this.senders = senders;
		this.staff = staff;
		this.messages = messages;
		this.secret = secret;
		this.generated = generated;
		this.operatorHasSecret = !secret.isEmpty() && secret.equals(operatorPassword);
	}

	@Override
	public void run(ApplicationArguments args) {
		if (args.containsOption("import-kbo") || args.containsOption("verify-audit")) {
			return;
		}
		install();
		// System.out, not a logger: log lines are shipped and kept for months; a password there is a leaked password
		banner(System.out);
	}

	/** Everything but the banner; safe to call again. */
	void install() {
		checkSecret();
		imports.importSample("demo");
		for (DemoAccount demo : DemoAccount.ALL) {
			ensure(demo);
		}
		senders.install(secret);
		// the consumer client of the first demo e-Box, for trying the enterprise-side API with a known id
		senders.installConsumer(DemoAccount.ALL.get(0).enterprise(), secret);
		ensureStaff();
		messages.install();
		log.info("Demo data in place: {} demo accounts, sender client {}", DemoAccount.ALL.size(),
				DemoReferenceData.CLIENT_ID);
	}

	private void checkSecret() {
		if (secret.isEmpty()) {
			throw new IllegalStateException("Demo mode without a demo secret: set EBOX_DEMO_SECRET.");
		}
		try {
			for (DemoAccount demo : DemoAccount.ALL) {
				accounts.checkPasswordPolicy(demo.username(), secret);
			}
			accounts.checkPasswordPolicy(STAFF_USERNAME, secret);
			if (operatorHasSecret) {
				accounts.checkPasswordPolicy("operator", secret);
			}
		}
		catch (PasswordPolicyException refused) {
			// the secret itself is never echoed
			throw new IllegalStateException("EBOX_DEMO_SECRET is refused by the password policy (" + refused.reason()
					+ "): use at least 12 characters, not a common password, and not containing a demo username "
					+ "(demo-nl, demo-fr, demo-de, fod-staff) or 'operator'. e-Box does not start in demo mode with it.");
		}
	}

	private void ensure(DemoAccount demo) {
		Optional<EboxState> state = enrolment.state(demo.enterprise());
		if (state.isEmpty()) {
			ActivationCredentials credentials = enrolment.registerWithCredentials(
					new RegistrationRequest(demo.enterprise(), demo.representativeName(), demo.email(), demo.language()),
					demo.username());
			if (demo.state() == EboxState.ACTIVE) {
				enrolment.activate(demo.username(), credentials.activationCode(), secret, TermsOfUse.CURRENT_VERSION);
			}
			return;
		}
		Optional<Account> account = accounts.findByUsername(demo.username());
		if (account.isEmpty()) {
			log.warn("Demo enterprise {} was registered without the demo account {}: left as it is",
					demo.enterprise().formatted(), demo.username());
			return;
		}
		// demo-de keeps the password its newcomer chose at activation; the others always have the current secret
		if (demo.state() == EboxState.ACTIVE && state.get() == EboxState.ACTIVE) {
			accounts.choosePassword(account.get().id(), secret);
		}
	}

	/** The employment service's staff member in the sender console, with the demo secret as password. */
	private void ensureStaff() {
		var account = accounts.findByUsername(STAFF_USERNAME)
			.map(Account::id)
			.orElseGet(() -> accounts.createPending(STAFF_USERNAME, "Femke Staff (FOD WASO)", STAFF_USERNAME + "@demo.invalid",
					"nl"));
		accounts.choosePassword(account, secret);
		staff.assign(account, EnterpriseNumber.parse(DemoReferenceData.ORGANISATION), "demo");
	}

	void banner(PrintStream console) {
		String line = "=".repeat(78);
		console.println();
		console.println(line);
		console.println("  e-Box DEMO MODE: ready-to-use accounts (sign in at /login)");
		console.println();
		for (DemoAccount demo : DemoAccount.ALL) {
			console.println("    " + demo.username() + "  " + demo.enterprise().formatted() + "  e-Box "
					+ (demo.state() == EboxState.ACTIVE ? "ACTIVE" : "REGISTERED, activate it with the letter in the postal outbox"));
		}
		console.println("    " + STAFF_USERNAME + "  sender console (/console) of the employment service "
				+ EnterpriseNumber.parse(DemoReferenceData.ORGANISATION).formatted());
		if (operatorHasSecret) {
			console.println("    operator  platform operator (postal outbox, registry, senders)");
		}
		console.println("    OAuth client " + DemoReferenceData.CLIENT_ID + " (sender " + DemoReferenceData.APPLICATION + ")");
		console.println("    OAuth client " + DemoReferenceData.CONSUMER_CLIENT_ID + " (e-Box of "
				+ DemoAccount.ALL.get(0).enterprise().formatted() + ")");
		console.println();
		if (generated) {
			console.println("    password (all of them): " + secret);
			console.println();
			console.println("  Generated for this run only: a restart generates another one and sets it again.");
			console.println("  To keep one, start with EBOX_DEMO_SECRET set.");
		}
		else {
			console.println("    password (all of them): the value of EBOX_DEMO_SECRET");
		}
		console.println(line);
		console.println();
		console.flush();
	}
}
