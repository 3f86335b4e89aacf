import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The benchmark's SMTP sink: accepts every e-mail and keeps only a count (GreenMail would keep 100 000 e-mails in
 * memory). Speaks just enough SMTP for JavaMail: EHLO/HELO, MAIL, RCPT, DATA, RSET, NOOP, QUIT.
 * Usage: java SmtpSink.java PORT COUNT_FILE — writes the number of accepted e-mails to COUNT_FILE every 200 ms.
 */
public class SmtpSink {

	static final AtomicLong accepted = new AtomicLong();

	public static void main(String[] args) throws Exception {
		int port = Integer.parseInt(args[0]);
		Path countFile = Path.of(args[1]);
		Thread writer = new Thread(() -> {
			while (true) {
				try {
					Files.writeString(countFile, accepted.get() + "\n");
					Thread.sleep(200);
				}
				catch (Exception ex) {
					return;
				}
			}
		});
		writer.setDaemon(true);
		writer.start();
		try (var server = new ServerSocket(port, 200)) {
			while (true) {
				Socket socket = server.accept();
				Thread thread = new Thread(() -> serve(socket));
				thread.setDaemon(true);
				thread.start();
			}
		}
	}

	static void serve(Socket socket) {
		try (socket) {
			var in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1), 65536);
			OutputStream out = socket.getOutputStream();
			reply(out, "220 sink ESMTP");
			String line;
			while ((line = in.readLine()) != null) {
				String command = line.length() >= 4 ? line.substring(0, 4).toUpperCase() : line.toUpperCase();
				switch (command) {
					case "EHLO", "HELO" -> reply(out, "250 sink");
					case "DATA" -> {
						reply(out, "354 go ahead");
						String data;
						while ((data = in.readLine()) != null && !data.equals(".")) {
							// the content is not kept
						}
						accepted.incrementAndGet();
						reply(out, "250 accepted");
					}
					case "QUIT" -> {
						reply(out, "221 bye");
						return;
					}
					default -> reply(out, "250 OK");
				}
			}
		}
		catch (Exception ex) {
			// the client went away
		}
	}

	static void reply(OutputStream out, String text) throws Exception {
		out.write((text + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
		out.flush();
	}
}
