package be.ebox.elections.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import be.ebox.documents.BlobStore;
import be.ebox.enrolment.Enrolment;
import be.ebox.messages.SentMessages;
import be.ebox.registry.EnterpriseNumber;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.multipdf.PDFMergerUtility;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** The figures of the employment service's dashboard, and the list and letters of enterprises without an active e-Box. */
@Service
public class Dashboard {

	private final JdbcClient jdbc;

	private final Enrolment enrolment;

	private final SentMessages sent;

	private final BlobStore blobs;

	private final ElectionsSettings settings;

	private final Clock clock;

	Dashboard(JdbcClient jdbc, Enrolment enrolment, SentMessages sent, BlobStore blobs, ElectionsSettings settings,
			Clock clock) {
		this.jdbc = jdbc;
		this.enrolment = enrolment;
		this.sent = sent;
		this.blobs = blobs;
		this.settings = settings;
		this.clock = clock;
	}

	/** An enterprise of the database whose e-Box is not active. */
	public record Offline(EnterpriseNumber number, String name, String language, int bodies) {
	}

	public record Figures(long enterprises, long active, long letters, long read, long dossiers,
			Map<String, Long> confirmedByMilestone) {

		public long inactive() {
			return enterprises - active;
		}
	}

	public Figures figures() {
		List<EnterpriseNumber> all = enterprises();
		long active = enrolment.active(all).size();
		LocalDate today = Dossiers.today(clock);
		var days = sent.readsOverTime(settings.organisation, settings.codesType, today, today);
		long letters = days.isEmpty() ? 0 : days.get(days.size() - 1).published();
		long read = days.isEmpty() ? 0 : days.get(days.size() - 1).read();
		long dossiers = jdbc.sql("SELECT COUNT(*) FROM elections_body").query(Long.class).single();
		Map<String, Long> confirmed = jdbc.sql("SELECT milestone, COUNT(*) FROM elections_confirmation GROUP BY milestone")
			.query((rs, n) -> Map.entry(rs.getString(1), rs.getLong(2)))
			.list()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
		return new Figures(all.size(), active, letters, read, dossiers, confirmed);
	}

	public List<Offline> withoutActiveEbox() {
		var offline = jdbc.sql("""
				SELECT e.enterprise_number, e.name, e.language, COUNT(b.dossier_number) AS bodies
				FROM elections_enterprise e LEFT JOIN elections_body b ON b.enterprise_number = e.enterprise_number
				GROUP BY e.enterprise_number, e.name, e.language ORDER BY e.enterprise_number""")
			.query((rs, n) -> new Offline(EnterpriseNumber.parse(rs.getString(1)), rs.getString(2),
					rs.getString(3).strip(), rs.getInt(4)))
			.list();
		Set<EnterpriseNumber> active = enrolment.active(offline.stream().map(Offline::number).toList());
		return offline.stream().filter(o -> !active.contains(o.number())).toList();
	}

	/** One PDF with every letter already issued to the enterprises without an active e-Box, for the paper mailing. */
	public void printableLetters(OutputStream out) {
		var numbers = withoutActiveEbox().stream().map(o -> o.number().digits()).collect(Collectors.toSet());
		List<String> letters = jdbc.sql("""
				SELECT enterprise_number, letter_sha256 FROM elections_body WHERE letter_sha256 IS NOT NULL
				ORDER BY enterprise_number, dossier_number""")
			.query((rs, n) -> numbers.contains(rs.getString(1).strip()) ? rs.getString(2) : null)
			.list()
			.stream()
			.filter(s -> s != null)
			.toList();
		var merger = new PDFMergerUtility();
		try {
			if (letters.isEmpty()) {
				try (var empty = new org.apache.pdfbox.pdmodel.PDDocument()) {
					empty.addPage(new org.apache.pdfbox.pdmodel.PDPage());
					empty.save(out);
				}
				return;
			}
			for (String sha256 : letters) {
				try (InputStream in = blobs.get(sha256)) {
					merger.addSource(new RandomAccessReadBuffer(in.readAllBytes()));
				}
			}
			var buffer = new ByteArrayOutputStream();
			merger.setDestinationStream(buffer);
			merger.mergeDocuments(org.apache.pdfbox.io.IOUtils.createMemoryOnlyStreamCache());
			buffer.writeTo(out);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private List<EnterpriseNumber> enterprises() {
		return jdbc.sql("SELECT enterprise_number FROM elections_enterprise")
			.query((rs, n) -> EnterpriseNumber.parse(rs.getString(1)))
			.list();
	}
}
