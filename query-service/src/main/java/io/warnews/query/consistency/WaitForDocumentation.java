package io.warnews.query.consistency;

import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Documents the read-your-writes parameters on every endpoint that honours them. */
@Configuration
class WaitForDocumentation {

    @Bean
    OperationCustomizer waitForParameters() {
        return (operation, handler) -> {
            if (handler.hasMethodAnnotation(ReadsFrom.class) || handler.getBeanType().isAnnotationPresent(ReadsFrom.class)) {
                operation.addParametersItem(new Parameter().in("query").name("waitFor").required(false)
                        .description("<streamId>@<version> from a write: answer only once this read model has applied it")
                        .schema(new StringSchema().example("russia-ukraine@0")));
                operation.addParametersItem(new Parameter().in("query").name("waitMillis").required(false)
                        .description("how long to wait for waitFor before answering 503 (default 2000, at most 10000)")
                        .schema(new IntegerSchema()));
            }
            return operation;
        };
    }
}
