package be.ebox.identity.internal;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.web.http.SessionRepositoryFilter;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The database-held sessions (Spring Session JDBC), without two writes and reads every request made:
 * <ul>
 * <li><b>the last-access time</b> is written when it is older than a tenth of the session timeout (at most a
 * minute), not on every request: each write is an UPDATE of the session row and its three indexes and a commit that
 * waits for the disk, on every page. A session held in use still never expires; an idle one expires up to that
 * tenth earlier than the timeout, never later. Any other change (sign-in, a new session id, an attribute) is written
 * at once, as before, so every instance still reads the session as it is.</li>
 * <li><b>the session is not read twice</b>: Spring Session saves it when the response is committed (Thymeleaf
 * flushes at the end of a page) and again at the end of the request, where it looks the requested session up from
 * the database anew only to learn its id. That second lookup returns the session this request has just saved,
 * remembered for the current request only (cleared when the request enters and leaves the filter chain).</li>
 * </ul>
 * Spring Session's save and flush modes stay the defaults (on save, attributes written when set): the session is
 * written at the end of each request that changed it, which is what several instances need.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class QuietSessions {

	/** The longest a last-access time may lag behind. */
	static final Duration MAX_LAG = Duration.ofMinutes(1);

	/** Wraps Spring Session's JDBC repository, the one {@link SessionRepositoryFilter} uses. */
	@Bean
	static BeanPostProcessor quietSessionRepository() {
		return new BeanPostProcessor() {
			@Override
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				return bean instanceof JdbcIndexedSessionRepository jdbc ? new Repository(jdbc) : bean;
			}
		};
	}

	/** Scopes the memory of the session saved by a request to that request; before Spring Session's filter. */
	@Bean
	FilterRegistrationBean<OncePerRequestFilter> savedSessionScope() {
		var registration = new FilterRegistrationBean<OncePerRequestFilter>(new OncePerRequestFilter() {
			@Override
			protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
					throws ServletException, IOException {
				Repository.SAVED.remove();
				try {
					chain.doFilter(request, response);
				}
				finally {
					Repository.SAVED.remove();
				}
			}

			@Override
			protected boolean shouldNotFilterAsyncDispatch() {
				return false;
			}

			@Override
			protected boolean shouldNotFilterErrorDispatch() {
				return false;
			}
		});
		registration.setOrder(SessionRepositoryFilter.DEFAULT_ORDER - 1);
		registration.setDispatcherTypes(jakarta.servlet.DispatcherType.REQUEST, jakarta.servlet.DispatcherType.ERROR,
				jakarta.servlet.DispatcherType.ASYNC, jakarta.servlet.DispatcherType.FORWARD,
				jakarta.servlet.DispatcherType.INCLUDE);
		return registration;
	}

	/** Spring Session's JDBC repository with the two savings above; everything else is passed through. */
	static final class Repository implements FindByIndexNameSessionRepository<QuietSession>, DisposableBean {

		/** The session the current request saved last (see {@link #savedSessionScope}). */
		static final ThreadLocal<QuietSession> SAVED = new ThreadLocal<>();

		private final JdbcIndexedSessionRepository repository;

		/** The same repository, typed by the session interface (its own session class is not public). */
		private final FindByIndexNameSessionRepository<Session> jdbc;

		@SuppressWarnings({ "unchecked", "rawtypes" })
		Repository(JdbcIndexedSessionRepository repository) {
			this.repository = repository;
			this.jdbc = (FindByIndexNameSessionRepository) repository;
		}

		/** Stops the repository's clean-up of expired sessions with the application, as it would unwrapped. */
		@Override
		public void destroy() {
			repository.destroy();
		}

		@Override
		public QuietSession createSession() {
			return new QuietSession(jdbc.createSession());
		}

		@Override
		public void save(QuietSession session) {
			jdbc.save(session.stored);
			SAVED.set(session);
		}

		@Override
		public QuietSession findById(String id) {
			QuietSession saved = SAVED.get();
			if (saved != null && saved.getId().equals(id)) {
				return saved;
			}
			var found = jdbc.findById(id);
			return found == null ? null : new QuietSession(found);
		}

		@Override
		public void deleteById(String id) {
			SAVED.remove();
			jdbc.deleteById(id);
		}

		@Override
		public Map<String, QuietSession> findByIndexNameAndIndexValue(String indexName, String indexValue) {
			var found = new LinkedHashMap<String, QuietSession>();
			jdbc.findByIndexNameAndIndexValue(indexName, indexValue)
				.forEach((id, session) -> found.put(id, new QuietSession(session)));
			return found;
		}
	}

	/** A stored session whose last-access time moves only when it lags by more than {@link #lag}. */
	static final class QuietSession implements Session {

		private final Session stored;

		QuietSession(Session stored) {
			this.stored = stored;
		}

		@Override
		public void setLastAccessedTime(Instant lastAccessedTime) {
			if (Duration.between(stored.getLastAccessedTime(), lastAccessedTime).compareTo(lag()) >= 0) {
				stored.setLastAccessedTime(lastAccessedTime);
			}
		}

		/** A tenth of the timeout, at most {@link #MAX_LAG}; 0 (always written) for a session that never expires. */
		private Duration lag() {
			Duration timeout = stored.getMaxInactiveInterval();
			if (timeout.isNegative() || timeout.isZero()) {
				return Duration.ZERO;
			}
			Duration tenth = timeout.dividedBy(10);
			return tenth.compareTo(MAX_LAG) < 0 ? tenth : MAX_LAG;
		}

		@Override
		public String getId() {
			return stored.getId();
		}

		@Override
		public String changeSessionId() {
			return stored.changeSessionId();
		}

		@Override
		public <T> T getAttribute(String attributeName) {
			return stored.getAttribute(attributeName);
		}

		@Override
		public Set<String> getAttributeNames() {
			return stored.getAttributeNames();
		}

		@Override
		public void setAttribute(String attributeName, Object attributeValue) {
			stored.setAttribute(attributeName, attributeValue);
		}

		@Override
		public void removeAttribute(String attributeName) {
			stored.removeAttribute(attributeName);
		}

		@Override
		public Instant getCreationTime() {
			return stored.getCreationTime();
		}

		@Override
		public Instant getLastAccessedTime() {
			return stored.getLastAccessedTime();
		}

		@Override
		public void setMaxInactiveInterval(Duration interval) {
			stored.setMaxInactiveInterval(interval);
		}

		@Override
		public Duration getMaxInactiveInterval() {
			return stored.getMaxInactiveInterval();
		}

		@Override
		public boolean isExpired() {
			return stored.isExpired();
		}
	}
}
