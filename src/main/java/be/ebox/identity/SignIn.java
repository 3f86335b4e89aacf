package be.ebox.identity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** Signs a person in from a flow other than the login form (e.g. right after activation). */
public interface SignIn {

	void signIn(AccountId account, HttpServletRequest request, HttpServletResponse response);
}
