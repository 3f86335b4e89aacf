package be.ebox.identity;

import java.util.Collection;
import java.util.List;

import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** The signed-in person, as held in the security context. */
public final class EboxUser implements UserDetails, CredentialsContainer {

	private static final long serialVersionUID = 1L;

	private final AccountId accountId;

	private final String username;

	private final String displayName;

	private String passwordHash;

	private final boolean enabled;

	private final boolean operator;

	public EboxUser(AccountId accountId, String username, String displayName, String passwordHash, boolean enabled,
			boolean operator) {
		this.accountId = accountId;
		this.username = username;
		this.displayName = displayName;
		this.passwordHash = passwordHash;
		this.enabled = enabled;
		this.operator = operator;
	}

	public AccountId accountId() {
		return accountId;
	}

	public String displayName() {
		return displayName;
	}

	public boolean isOperator() {
		return operator;
	}

	@Override
	public Collection<? extends GrantedAuthority> getAuthorities() {
		return operator ? List.of(new SimpleGrantedAuthority("ROLE_OPERATOR")) : List.of(new SimpleGrantedAuthority("ROLE_PERSON"));
	}

	@Override
	public String getPassword() {
		return passwordHash;
	}

	@Override
	public String getUsername() {
		return username;
	}

	@Override
	public boolean isEnabled() {
		return enabled;
	}

	@Override
	public void eraseCredentials() {
		passwordHash = null;
	}
}
