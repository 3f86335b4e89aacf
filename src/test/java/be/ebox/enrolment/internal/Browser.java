package be.ebox.enrolment.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.Cookie;
import be.ebox.testsupport.TestSecondFactor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** Carries cookies (the Spring Session cookie, the language cookie) from one MockMvc request to the next, like a browser. */
class Browser {

	private final MockMvc mvc;

	private final String address;

	private final Map<String, Cookie> cookies = new LinkedHashMap<>();

	Browser(MockMvc mvc, String address) {
		this.mvc = mvc;
		this.address = address;
	}

	MvcResult perform(MockHttpServletRequestBuilder request) throws Exception {
		if (!cookies.isEmpty()) {
			request.cookie(cookies.values().toArray(Cookie[]::new));
		}
		request.with(r -> {
			r.setRemoteAddr(address);
			return r;
		});
		MvcResult result = mvc.perform(request).andReturn();
		for (Cookie cookie : result.getResponse().getCookies()) {
			if (cookie.getMaxAge() == 0) {
				cookies.remove(cookie.getName());
			}
			else {
				cookies.put(cookie.getName(), cookie);
			}
		}
		return result;
	}

	/** Answers the second step of signing in, which e-Box asks of a main access manager ({@link TestSecondFactor}). */
	MvcResult passSecondStep(JdbcClient jdbc, String username) throws Exception {
		String code = TestSecondFactor.answer(jdbc, TestSecondFactor.account(jdbc, username));
		return perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(TestSecondFactor.PAGE)
			.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
			.param("code", code));
	}
}
