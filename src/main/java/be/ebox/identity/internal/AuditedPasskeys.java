package be.ebox.identity.internal;

import java.util.List;

import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.api.CredentialRecord;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialUserEntityRepository;
import org.springframework.security.web.webauthn.management.UserCredentialRepository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Spring Security's passkey store, with an audit record when a passkey is added or removed (Spring's registration
 * filter and our pages both go through here), in one transaction with the change. Saving an existing passkey (its use
 * counter, after a sign-in) is no change worth a record.
 */
class AuditedPasskeys implements UserCredentialRepository {

	private final UserCredentialRepository store;

	private final PublicKeyCredentialUserEntityRepository users;

	private final SecondFactors factors;

	private final TransactionTemplate transaction;

	AuditedPasskeys(UserCredentialRepository store, PublicKeyCredentialUserEntityRepository users, SecondFactors factors,
			PlatformTransactionManager transactions) {
		this.transaction = new TransactionTemplate(transactions);
		this.store = store;
		this.users = users;
		this.factors = factors;
	}

	@Override
	public void delete(Bytes credentialId) {
		transaction.executeWithoutResult(status -> {
			CredentialRecord existing = store.findByCredentialId(credentialId);
			store.delete(credentialId);
			if (existing != null) {
				factors.record(username(existing), "PASSKEY_REMOVED", "label=" + existing.getLabel());
			}
		});
	}

	@Override
	public void save(CredentialRecord record) {
		transaction.executeWithoutResult(status -> {
			boolean added = store.findByCredentialId(record.getCredentialId()) == null;
			store.save(record);
			if (added) {
				factors.record(username(record), "PASSKEY_ADDED", "label=" + record.getLabel());
			}
		});
	}

	@Override
	public CredentialRecord findByCredentialId(Bytes credentialId) {
		return store.findByCredentialId(credentialId);
	}

	@Override
	public List<CredentialRecord> findByUserId(Bytes userId) {
		return store.findByUserId(userId);
	}

	private String username(CredentialRecord record) {
		PublicKeyCredentialUserEntity user = users.findById(record.getUserEntityUserId());
		return user == null ? "unknown" : user.getName();
	}
}
