package be.ebox.audit;

/**
 * The outcome of walking the chain: how many records it holds and, when it is broken, the sequence number of the
 * first record that is missing, changed, inserted or out of place ({@code null} when the chain is intact).
 */
public record AuditVerification(long records, Long firstBrokenRecord) {

	public static AuditVerification intact(long records) {
		return new AuditVerification(records, null);
	}

	public static AuditVerification brokenAt(long records, long sequence) {
		return new AuditVerification(records, sequence);
	}

	public boolean isIntact() {
		return firstBrokenRecord == null;
	}
}
