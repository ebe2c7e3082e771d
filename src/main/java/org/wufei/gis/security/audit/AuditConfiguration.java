package org.wufei.gis.security.audit;

import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** The request id (outermost, before sign-in) and the audit filter (inside, after Spring Security's chain). */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class AuditConfiguration {

    @Bean
    FilterRegistrationBean<RequestIds> requestIds() {
        var registration = new FilterRegistrationBean<>(new RequestIds());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }

    @Bean
    FilterRegistrationBean<AuditFilter> auditFilter(AuditLog log, Clock clock) {
        var registration = new FilterRegistrationBean<>(new AuditFilter(log, clock));
        registration.setOrder(0); // Spring Security's chain is at -100
        return registration;
    }
}
