package be.ebox.identity;

public class UsernameTakenException extends RuntimeException {

	public UsernameTakenException(String username) {
		super("Username already taken");
	}
}
