package be.ebox.testsupport;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import org.springframework.core.env.Environment;

/**
 * A real SMTP server (GreenMail) on the port the application sends to ({@code spring.mail.port} of the test
 * configuration), started by a test and stopped after it, so that the port is set in one place only.
 */
public final class Mailbox implements AutoCloseable {

	private final GreenMail server;

	private Mailbox(GreenMail server) {
		this.server = server;
	}

	public static Mailbox start(Environment environment) {
		int port = environment.getRequiredProperty("spring.mail.port", Integer.class);
		String host = environment.getProperty("spring.mail.host", "localhost");
		var server = new GreenMail(new ServerSetup(port, host, ServerSetup.PROTOCOL_SMTP));
		server.start();
		return new Mailbox(server);
	}

	public MimeMessage[] received() {
		return server.getReceivedMessages();
	}

	public MimeMessage last() {
		MimeMessage[] all = received();
		if (all.length == 0) {
			throw new AssertionError("no e-mail received");
		}
		return all[all.length - 1];
	}

	@Override
	public void close() {
		server.stop();
	}
}
