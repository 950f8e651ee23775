package io.warnews.query.processing;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A projection that fails must not skip the event: the error propagates instead of being logged
 * and forgotten. A transient one (the database away or busy) makes the processor back off and
 * retry; any other reaches the dead-letter queue of the group, which takes the event's stream
 * aside while the processor goes on with the others (see {@code audit.DeadLetterConfiguration}).
 */
@Configuration
class ProcessingConfiguration {

    @Bean
    ConfigurerModule failingProjectionsRetry() {
        return configurer -> configurer.eventProcessing()
                .registerDefaultListenerInvocationErrorHandler(c -> PropagatingErrorHandler.instance());
    }
}
