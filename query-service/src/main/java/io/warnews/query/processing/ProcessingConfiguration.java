package io.warnews.query.processing;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A projection that fails must not skip the event: the error rolls the batch back (rows and
 * token together) and the processor retries it, backing off, instead of logging and moving on.
 */
@Configuration
class ProcessingConfiguration {

    @Bean
    ConfigurerModule failingProjectionsRetry() {
        return configurer -> configurer.eventProcessing()
                .registerDefaultListenerInvocationErrorHandler(c -> PropagatingErrorHandler.instance());
    }
}
