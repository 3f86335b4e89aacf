package be.ebox.access;

import be.ebox.WebSession;
import be.ebox.registry.EnterpriseNumber;
import be.ebox.testsupport.TestEnterprises;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code EBOX_SECOND_FACTOR_USERS=required}: users too enrol before reaching anything; the test helpers still sign in. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "ebox.second-factor.users=required")
class SecondFactorRequiredForUsersTest {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PasswordEncoder encoder;

	@Test
	void aUserEnrolsBeforeReachingAnything() {
		EnterpriseNumber enterprise = new TestEnterprises(jdbc).legalPerson("Obligatoire SA", "Verplicht NV");
		var people = new People(port, jdbc, encoder);
		var user = people.notSignedIn(enterprise, Role.USER);
		var web = user.web();
		web.get("/login");
		var password = web.postForm("/login", "username=" + user.username() + "&password=" + WebSession.encode(People.PASSWORD));
		assertThat(password.headers().firstValue("Location")).get().asString().endsWith("/second-factor/enrol");
		assertThat(web.get("/ebox").headers().firstValue("Location")).get().asString().endsWith("/second-factor/enrol");

		// the same helpers as everywhere else pass the step
		assertThat(people.with(enterprise, Role.USER).web().get("/ebox").statusCode()).isEqualTo(200);
		assertThat(WebSession.person(port, jdbc, encoder, false).get("/ebox").statusCode()).isEqualTo(200);
	}
}
