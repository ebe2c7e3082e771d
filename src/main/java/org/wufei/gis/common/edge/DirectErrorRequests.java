package org.wufei.gis.common.edge;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.wufei.gis.common.Problems;

/**
 * {@code /error} is the servlet container's error page, reached by an error dispatch. Requested directly, Boot's
 * error controller has no error to show and answers 500; here such a request gets 404 problem+json instead. Error
 * dispatches (DispatcherType.ERROR) are not filtered.
 */
@Configuration(proxyBeanMethods = false)
class DirectErrorRequests {

    @Bean
    FilterRegistrationBean<HttpFilter> directErrorRequestsAreNotFound(Problems problems) {
        HttpFilter filter = new HttpFilter() {
            @Override
            protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws IOException {
                problems.write(request, response, HttpStatus.NOT_FOUND, "resource_not_found");
            }
        };
        FilterRegistrationBean<HttpFilter> registration = new FilterRegistrationBean<>(filter);
        registration.addUrlPatterns("/error");
        registration.setDispatcherTypes(DispatcherType.REQUEST);
        return registration;
    }
}
