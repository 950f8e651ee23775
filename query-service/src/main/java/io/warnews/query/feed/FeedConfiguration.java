package io.warnews.query.feed;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

@Configuration
@EnableConfigurationProperties(FeedProperties.class)
class FeedConfiguration {

    /** Outside every other filter but the requests pool's: the connection starts once they are all done. */
    @Bean
    FilterRegistrationBean<FeedStartFilter> feedStartFilter() {
        FilterRegistrationBean<FeedStartFilter> registration = new FilterRegistrationBean<>(new FeedStartFilter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        registration.addUrlPatterns("/api/feed");
        return registration;
    }
}
