package be.ebox.registry;

/**
 * Published when a registry import starts and when it ends (then with its counts). The audit module records it; the
 * registry cannot call the audit trail itself because the audit trail already depends on the registry
 * ({@link EnterpriseNumber}). Carries no content of the extract.
 *
 * @param state null when the import starts
 */
public record RegistryImportEvent(long importId, String requestedBy, String source, ImportStatus.State state,
		long rowsRead, long rowsImported, long errorCount) {

	public static RegistryImportEvent started(long importId, String requestedBy, String source) {
		return new RegistryImportEvent(importId, requestedBy, source, null, 0, 0, 0);
	}

	public static RegistryImportEvent ended(String requestedBy, ImportStatus status) {
		return new RegistryImportEvent(status.id(), requestedBy, status.source(), status.state(), status.rowsRead(),
				status.rowsImported(), status.errorCount());
	}

	/** A short line for the audit trail. */
	public String details() {
		if (state == null) {
			return "import " + importId + " started from " + source;
		}
		return "import " + importId + " " + state + ": rows read " + rowsRead + ", imported " + rowsImported
				+ ", errors " + errorCount;
	}
}
