package io.warnews.command.eventstore;

import java.lang.reflect.AccessibleObject;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.common.ReflectionUtils;
import org.axonframework.common.annotation.AnnotationUtils;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.axonframework.modelling.command.VersionedAggregateIdentifier;

/**
 * Which aggregate a command is for: the member of the command's class annotated
 * {@link TargetAggregateIdentifier} (and {@link TargetAggregateVersion}), a method before a field,
 * as Axon's annotation-based resolver reads them. That resolver looks for the annotated members
 * again on every command, through every method and field of the class, parsing their annotations
 * each time (4 % of a write's request samples in a profile); here they are found once per class.
 */
final class CommandTargets implements CommandTargetResolver {

    private final ClassValue<Target> targets = new ClassValue<>() {
        @Override
        protected Target computeValue(Class<?> type) {
            return new Target(annotated(type, TargetAggregateIdentifier.class),
                    annotated(type, TargetAggregateVersion.class));
        }
    };

    @Override
    public VersionedAggregateIdentifier resolveTarget(CommandMessage<?> command) {
        Target target = targets.get(command.getPayloadType());
        Object payload = command.getPayload();
        Object identifier = value(target.identifier(), payload);
        if (identifier == null) {
            throw new IllegalArgumentException("the command " + command.getPayloadType().getSimpleName()
                    + " names no aggregate: it needs a member annotated @TargetAggregateIdentifier with a value");
        }
        Object version = value(target.version(), payload);
        try {
            return new VersionedAggregateIdentifier(identifier, version == null ? null
                    : version instanceof Number number ? number.longValue() : Long.parseLong(version.toString()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("the command " + command.getPayloadType().getSimpleName()
                    + "'s @TargetAggregateVersion is not a number", e);
        }
    }

    /** The first method, else the first field, of {@code type} annotated (directly or through another annotation). */
    private static AccessibleObject annotated(Class<?> type, Class<? extends java.lang.annotation.Annotation> annotation) {
        for (Method method : ReflectionUtils.methodsOf(type)) {
            if (AnnotationUtils.isAnnotationPresent(method, annotation)) {
                return ReflectionUtils.ensureAccessible(method);
            }
        }
        for (Field field : ReflectionUtils.fieldsOf(type)) {
            if (AnnotationUtils.isAnnotationPresent(field, annotation)) {
                return ReflectionUtils.ensureAccessible(field);
            }
        }
        return null;
    }

    private static Object value(AccessibleObject member, Object payload) {
        try {
            if (member instanceof Method method) {
                return method.invoke(payload);
            }
            return member instanceof Field field ? field.get(payload) : null;
        } catch (InvocationTargetException | IllegalAccessException e) {
            throw new IllegalArgumentException("the command's target aggregate could not be read", e);
        }
    }

    private record Target(AccessibleObject identifier, AccessibleObject version) {
    }
}
