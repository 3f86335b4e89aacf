package be.ebox.identity.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code ebox.second-factor}: whether people who are not access managers must use a second factor, and the name
 * authenticator apps and passkey prompts show.
 */
@ConfigurationProperties("ebox.second-factor")
record SecondFactorProperties(@DefaultValue("optional") Users users, @DefaultValue("e-Box") String issuer) {

	enum Users {
		/** a person may enrol a factor; once enrolled it is asked at every sign-in */
		OPTIONAL,
		/** every person must enrol a factor before reaching anything */
		REQUIRED
	}
}
