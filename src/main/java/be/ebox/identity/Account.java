package be.ebox.identity;

public record Account(AccountId id, String username, String displayName, String email, AccountState state,
		boolean operator, String language) {
}
