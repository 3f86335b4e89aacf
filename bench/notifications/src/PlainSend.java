import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

/**
 * Baseline of the drain: the same number of e-mails of the same shape (plain text + HTML, about the size of a
 * notification) sent by bare JavaMail loops, one SMTP connection per thread, with no database and no outbox at all.
 * Usage: java -cp LIBS PlainSend.java HOST PORT COUNT THREADS — prints the seconds it took.
 */
public class PlainSend {

	public static void main(String[] args) throws Exception {
		String host = args[0];
		int port = Integer.parseInt(args[1]);
		int count = Integer.parseInt(args[2]);
		int threads = Integer.parseInt(args[3]);
		var properties = new Properties();
		properties.put("mail.smtp.host", host);
		properties.put("mail.smtp.port", String.valueOf(port));
		properties.put("mail.smtp.connectiontimeout", "10000");
		properties.put("mail.smtp.timeout", "10000");
		properties.put("mail.smtp.writetimeout", "10000");
		Session session = Session.getInstance(properties);
		String text = "Er staat iets in uw e-Box dat uw aandacht vraagt.\n\n- 1 nieuw bericht in de e-Box van onderneming 0300.000.197\n\n"
				+ "Open uw e-Box: http://localhost:8080/ebox\n\nVoor uw veiligheid toont deze e-mail nooit het onderwerp, de inhoud of de afzender van een bericht.\n";
		String html = "<!DOCTYPE html><html lang=\"nl\"><head><meta charset=\"utf-8\"><title>e-Box</title></head><body><p>"
				+ text.replace("\n", "</p><p>") + "</p></body></html>";
		var next = new AtomicInteger();
		long start = System.nanoTime();
		Thread[] workers = new Thread[threads];
		for (int t = 0; t < threads; t++) {
			workers[t] = new Thread(() -> {
				try (Transport transport = session.getTransport("smtp")) {
					transport.connect(host, port, null, null);
					for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
						var plain = new MimeBodyPart();
						plain.setText(text, "UTF-8", "plain");
						var rich = new MimeBodyPart();
						rich.setText(html, "UTF-8", "html");
						var message = new MimeMessage(session);
						message.setFrom(new InternetAddress("e-box@localhost"));
						message.setRecipient(Message.RecipientType.TO, new InternetAddress("plain-" + i + "@example.be"));
						message.setSubject("e-Box: er wacht iets op u", "UTF-8");
						message.setContent(new MimeMultipart("alternative", plain, rich));
						message.saveChanges();
						transport.sendMessage(message, message.getAllRecipients());
					}
				}
				catch (Exception ex) {
					throw new IllegalStateException(ex);
				}
			});
			workers[t].start();
		}
		for (Thread worker : workers) {
			worker.join();
		}
		System.out.printf("%.3f%n", (System.nanoTime() - start) / 1e9);
	}
}
