package be.ebox.identity;

/**
 * Published in the transaction of a change to a person's second factor, after its audit record: e.g. for the access
 * history of the enterprises where the person has a role. {@code change} is one of {@code TOTP_ENROLLED},
 * {@code TOTP_REMOVED}, {@code RECOVERY_CODE_USED}, {@code RECOVERY_CODES_RENEWED}, {@code PASSKEY_ADDED},
 * {@code PASSKEY_REMOVED}. It never carries a secret or code.
 */
public record SecondFactorChanged(String username, String change) {
}
