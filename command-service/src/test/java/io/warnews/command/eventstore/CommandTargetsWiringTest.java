package io.warnews.command.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import io.warnews.command.support.CommandServiceTest;
import org.axonframework.config.Configuration;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The aggregates' command handlers find their target through {@link CommandTargets}. */
@CommandServiceTest
class CommandTargetsWiringTest {

    @Autowired
    Configuration axon;

    @Test
    void axonResolvesCommandTargetsWithTheServicesResolver() {
        assertThat(axon.getComponent(CommandTargetResolver.class)).isInstanceOf(CommandTargets.class);
    }
}
