package io.warnews.command.eventstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.modelling.command.AnnotationCommandTargetResolver;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.junit.jupiter.api.Test;

/** Every command of the service resolves to the same aggregate as with Axon's annotation-based resolver. */
class CommandTargetsTest {

    private final CommandTargets targets = new CommandTargets();
    private final AnnotationCommandTargetResolver axon = AnnotationCommandTargetResolver.builder().build();

    @Test
    void everyCommandNamesTheSameAggregateAsWithAxonsResolver() throws Exception {
        List<Class<?>> commands = commands();
        assertThat(commands).as("the service's commands").hasSizeGreaterThanOrEqualTo(15);
        for (Class<?> command : commands) {
            CommandMessage<?> message = GenericCommandMessage.asCommandMessage(instance(command, "target-of-" + command.getSimpleName()));
            assertThat(targets.resolveTarget(message)).as(command.getSimpleName()).isEqualTo(axon.resolveTarget(message));
            assertThat(targets.resolveTarget(message).getIdentifier()).isEqualTo("target-of-" + command.getSimpleName());
        }
    }

    @Test
    void aCommandWithoutItsTargetIsRefusedAsByAxon() throws Exception {
        for (Class<?> command : commands()) {
            CommandMessage<?> message = GenericCommandMessage.asCommandMessage(instance(command, null));
            assertThatThrownBy(() -> axon.resolveTarget(message)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> targets.resolveTarget(message)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(command.getSimpleName());
        }
    }

    @Test
    void aPayloadWithNoTargetMemberIsRefused() {
        CommandMessage<?> message = GenericCommandMessage.asCommandMessage("no target");
        assertThatThrownBy(() -> targets.resolveTarget(message)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("String");
    }

    /** The service's records with a component annotated {@code @TargetAggregateIdentifier} (on its field). */
    private static List<Class<?>> commands() throws IOException {
        Path classes = Path.of("target/classes");
        try (Stream<Path> files = Files.walk(classes.resolve("io/warnews/command"))) {
            return files.map(file -> classes.relativize(file).toString())
                    .filter(name -> name.endsWith(".class") && !name.contains("$"))
                    .<Class<?>>map(name -> load(name.substring(0, name.length() - ".class".length()).replace('/', '.')))
                    .filter(Class::isRecord)
                    .filter(type -> Stream.of(type.getDeclaredFields())
                            .anyMatch(field -> field.isAnnotationPresent(TargetAggregateIdentifier.class)))
                    .toList();
        }
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, CommandTargetsTest.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The record with {@code target} as its annotated component and defaults elsewhere. */
    private static Object instance(Class<?> type, String target) throws Exception {
        RecordComponent[] components = type.getRecordComponents();
        Object[] values = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            values[i] = type.getDeclaredField(components[i].getName()).isAnnotationPresent(TargetAggregateIdentifier.class)
                    ? target
                    : types[i] == int.class ? 0 : types[i] == long.class ? 0L : types[i] == boolean.class ? false
                    : types[i] == double.class ? 0.0 : null;
        }
        Constructor<?> constructor = type.getDeclaredConstructor(types);
        constructor.setAccessible(true);
        return constructor.newInstance(values);
    }
}
