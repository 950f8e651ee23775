package io.warnews.query.audit;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.annotation.HandlerEnhancerDefinition;
import org.axonframework.messaging.annotation.MessageHandlingMember;
import org.axonframework.messaging.annotation.WrappedMessageHandlingMember;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs each event handler inside a savepoint of the processor's transaction. When a handler
 * throws, its writes are rolled back to the savepoint before the event is dead-lettered: the
 * batch's other events, the token and the dead letter still commit, nothing half-applied stays
 * (a later retry then applies the event whole), and a failed SQL statement does not leave
 * PostgreSQL's transaction aborted. Costs a SAVEPOINT and a RELEASE per handler call.
 */
class SavepointPerHandler implements HandlerEnhancerDefinition {

    private final TransactionTemplate savepoint;

    SavepointPerHandler(PlatformTransactionManager transactionManager) {
        this.savepoint = new TransactionTemplate(transactionManager);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    @Override
    public <T> MessageHandlingMember<T> wrapHandler(MessageHandlingMember<T> original) {
        if (!original.canHandleMessageType(EventMessage.class)) {
            return original;
        }
        return new WrappedMessageHandlingMember<>(original) {
            @Override
            public Object handle(Message<?> message, T target) throws Exception {
                if (!TransactionSynchronizationManager.isActualTransactionActive()) {
                    return super.handle(message, target);
                }
                try {
                    return savepoint.execute(status -> {
                        try {
                            return super.handle(message, target);
                        } catch (RuntimeException | Error e) {
                            throw e;
                        } catch (Exception e) {
                            throw new Checked(e);
                        }
                    });
                } catch (Checked e) {
                    throw (Exception) e.getCause();
                }
            }
        };
    }

    /** Carries a checked exception through the template, which rolls back on unchecked ones. */
    private static final class Checked extends RuntimeException {
        Checked(Exception cause) {
            super(cause);
        }
    }
}
