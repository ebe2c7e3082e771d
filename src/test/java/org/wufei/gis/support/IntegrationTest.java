package org.wufei.gis.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.wufei.gis.GisApplication;

/**
 * The one set of settings for tests over real HTTP and a real database, so that every *IT class on the
 * same database shares a single cached application context (start-up is paid once per database). The demo
 * sites are loaded before the context is handed to the tests (not in the background as in a normal start).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@SpringBootTest(classes = GisApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"server.tomcat.basedir=target/tomcat", "gis.demo.enabled=true", "gis.demo.background=false",
            "gis.data-dir=target/test-data", "gis.demo.screening=false", "logging.level.root=WARN",
            "logging.level.org.wufei=INFO", "gis.reports.client-header=X-Forwarded-For"})
public @interface IntegrationTest {
}
