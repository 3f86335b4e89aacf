package be.ebox.browser;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * A test class that drives the running application with a real, headless Chromium. Test methods take a
 * {@link Browser} parameter:
 *
 * <pre>
 * &#64;BrowserTest
 * class LoginPageBrowserTest {
 *     &#64;Test
 *     void signsIn(Browser browser) {
 *         browser.open("/login?lang=fr").fillByLabel("Nom d'utilisateur", "jan").fillById("password", "…").submit();
 *         browser.assertAccessible();
 *     }
 * }
 * </pre>
 *
 * The Spring context is the one of every other {@code @SpringBootTest(webEnvironment = RANDOM_PORT)} test (so it
 * is cached and shared); Spring beans can be {@code @Autowired} into the test as usual. One browser serves all
 * tests of the class; cookies are cleared before each test.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(BrowserExtension.class)
@Tag("browser")
public @interface BrowserTest {

}
