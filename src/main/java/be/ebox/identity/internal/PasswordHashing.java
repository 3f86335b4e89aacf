package be.ebox.identity.internal;

import java.util.Map;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Password hashing, also needed without a web server (the operator account and clients are set up at start). */
@Configuration(proxyBeanMethods = false)
class PasswordHashing {

	/** Argon2id for new hashes; bcrypt still verifies, so the work factor can move without a migration. */
	@Bean
	PasswordEncoder passwordEncoder() {
		var encoders = Map.<String, PasswordEncoder>of("argon2", Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8(),
				"bcrypt", new BCryptPasswordEncoder());
		return new DelegatingPasswordEncoder("argon2", encoders);
	}
}
