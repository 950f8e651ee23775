package io.warnews.query.consistency;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

@Configuration
class ConsistencyWebConfiguration implements WebMvcConfigurer {

    private final WaitForVersion waitForVersion;

    ConsistencyWebConfiguration(WaitForVersion waitForVersion) {
        this.waitForVersion = waitForVersion;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(waitForVersion).addPathPatterns("/api/**");
    }
}
