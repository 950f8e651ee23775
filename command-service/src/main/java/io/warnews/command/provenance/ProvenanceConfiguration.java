package io.warnews.command.provenance;

import io.warnews.events.axon.RandomIds;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Stamps who, when and which request on every command from the server side (never from the
 * request body), and copies those stamps onto every event the command causes.
 */
@Configuration
class ProvenanceConfiguration {

    @Bean
    CorrelationDataProvider provenanceCorrelation() {
        return new SimpleCorrelationDataProvider(Provenance.EDITOR, Provenance.RECORDED_AT,
                Provenance.CORRELATION_ID);
    }

    @Bean
    MessageDispatchInterceptor<CommandMessage<?>> provenanceStamp(CommandBus commandBus, Clock clock) {
        MessageDispatchInterceptor<CommandMessage<?>> stamp = new MessageDispatchInterceptor<>() {
            @Override
            public BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> handle(
                    List<? extends CommandMessage<?>> messages) {
                return (index, command) -> command.andMetaData(Map.of(
                        Provenance.EDITOR, editor(),
                        Provenance.RECORDED_AT, clock.instant().toString(),
                        Provenance.CORRELATION_ID, correlationId()));
            }
        };
        commandBus.registerDispatchInterceptor(stamp);
        return stamp;
    }

    private static String editor() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated()) {
            throw new IllegalStateException("a command was sent without an authenticated editor");
        }
        return authentication.getName();
    }

    private static String correlationId() {
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        if (attributes instanceof ServletRequestAttributes servlet) {
            Object id = servlet.getRequest().getAttribute(Provenance.CORRELATION_ID);
            if (id != null) {
                return id.toString();
            }
        }
        return RandomIds.next();
    }
}
