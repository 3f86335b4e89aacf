package be.ebox.enrolment.internal;

import java.util.Optional;
import java.util.UUID;

import be.ebox.audit.AuditEvent;
import be.ebox.audit.AuditTrail;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What operators do with the postal outbox; every download and print is audited (never with the code). */
@Service
class PostalOutboxService {

	private final PostalOutbox outbox;

	private final AuditTrail audit;

	PostalOutboxService(PostalOutbox outbox, AuditTrail audit) {
		this.outbox = outbox;
		this.audit = audit;
	}

	@Transactional
	Optional<byte[]> download(UUID letterId, String operator) {
		var letter = outbox.find(letterId);
		Optional<byte[]> pdf = outbox.pdf(letterId);
		if (letter.isPresent() && pdf.isPresent()) {
			audit.record(AuditEvent.of(operator, "ACTIVATION_LETTER_DOWNLOADED", letter.get().enterprise(),
					"letter " + letterId));
		}
		return pdf;
	}

	@Transactional
	boolean markPrinted(UUID letterId, String operator) {
		var letter = outbox.find(letterId);
		if (letter.isEmpty() || !outbox.markPrinted(letterId, operator)) {
			return false;
		}
		audit.record(AuditEvent.of(operator, "ACTIVATION_LETTER_PRINTED", letter.get().enterprise(),
				"letter " + letterId + " printed; its PDF is deleted"));
		return true;
	}
}
