package be.ebox.audit.internal;

import java.io.PrintStream;

import be.ebox.audit.AuditTrail;
import be.ebox.audit.AuditVerification;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.stereotype.Component;

/**
 * {@code java -jar ebox.jar --verify-audit}: walks the chain, prints the outcome and ends the process with 0 when
 * the trail is intact, 1 when it is broken. {@link VerifyAuditEnvironment} keeps the web server off for that run,
 * so the command needs nothing special in {@code main}.
 */
@Component
class VerifyAuditCommand implements ApplicationRunner {

	static final String OPTION = "verify-audit";

	private final AuditTrail trail;

	private final ConfigurableApplicationContext context;

	VerifyAuditCommand(AuditTrail trail, ConfigurableApplicationContext context) {
		this.trail = trail;
		this.context = context;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (args.containsOption(OPTION)) {
			int code = verify(System.out);
			System.exit(SpringApplication.exit(context, () -> code));
		}
	}

	/** Prints the outcome and returns the exit code. */
	int verify(PrintStream out) {
		AuditVerification verification = trail.verify();
		if (verification.isIntact()) {
			out.println("audit trail intact (" + verification.records() + " records)");
			return 0;
		}
		out.println("audit trail broken at record " + verification.firstBrokenRecord());
		return 1;
	}
}
