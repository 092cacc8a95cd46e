package org.ilium.shared.web;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.ObjectMapper;

@Configuration(proxyBeanMethods = false)
class WebConfiguration {
    @Bean
    ProblemWriter problemWriter(ObjectMapper mapper) {
        return new ProblemWriter(mapper);
    }

    /** Runs after the security filters, so an anonymous oversized request still gets 401 first. */
    @Bean
    FilterRegistrationBean<BodySizeLimitFilter> bodySizeLimit(ProblemWriter problems,
            @Value("${ilium.api.max-body-bytes:65536}") long maxBytes) {
        FilterRegistrationBean<BodySizeLimitFilter> bean = new FilterRegistrationBean<>(new BodySizeLimitFilter(maxBytes, problems));
        bean.addUrlPatterns("/api/*");
        return bean;
    }
}
