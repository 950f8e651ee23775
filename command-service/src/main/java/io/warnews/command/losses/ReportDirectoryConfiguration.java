package io.warnews.command.losses;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The report directory runs in the writing transaction (a subscribing processor) and a failure
 * there, such as a report id already used by another ledger, must undo the write.
 */
@Configuration
class ReportDirectoryConfiguration {

    @Bean
    ConfigurerModule reportDirectoryInTheWritingTransaction() {
        return configurer -> configurer.eventProcessing()
                .registerSubscribingEventProcessor(ReportDirectory.GROUP)
                .registerListenerInvocationErrorHandler(ReportDirectory.GROUP,
                        c -> PropagatingErrorHandler.instance());
    }
}
