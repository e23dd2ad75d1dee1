package vn.khuyenhoc;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;

/**
 * The one application context of the integration tests: the whole product on a fresh embedded PostgreSQL, on a
 * random port. Every test class that uses it shares the same context and so the same database server.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "khuyenhoc.data-dir=target/test-pgdata",
            "khuyenhoc.embedded-db.fresh=true",
            "KHUYENHOC_ADMIN_PASSWORD=" + IntegrationTest.ADMIN_PASSWORD,
            // the limiter has its own tests; here it must not refuse the other tests' look-ups
            "khuyenhoc.public-rate-limit=100000",
            // tests send bursts of concurrent requests on a shared machine; the admission limit has a test of its own
            "khuyenhoc.admission.wait=20s"
        })
@AutoConfigureMockMvc
public @interface IntegrationTest {

    String ADMIN_PASSWORD = "admin-test-password";
}
