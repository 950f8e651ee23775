package io.warnews.query.audit;

import io.warnews.query.processing.Isolation;
import io.warnews.query.processing.StreamPositions;
import io.warnews.query.processing.TransientFailures;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.annotation.HandlerEnhancerDefinition;
import org.axonframework.messaging.annotation.MessageHandlingMember;
import org.axonframework.messaging.annotation.WrappedMessageHandlingMember;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Isolates an event whose handler fails, so that its half-done writes never commit. A batch of
 * events runs without savepoints, and the projections write the batch's rows together just before
 * it commits ({@link io.warnews.query.processing.Projection}). When a handler throws, or writing
 * the batch's rows fails, the whole batch is rolled back (its writes, its token, the dead letter
 * the failure produced) and the processor retries it; on that retry every event the failed batch
 * had handled runs {@link Isolation isolated}: first the rows the batch has collected before it are
 * written, then its handler runs inside a savepoint of the batch's transaction and writes its own
 * rows before returning, so a failing event's writes are undone to the savepoint before it is
 * dead-lettered, while the batch's other events, the token and the dead letter commit (a later
 * retry then applies the event whole), and a failed SQL statement does not leave PostgreSQL's
 * transaction aborted.
 *
 * <p>A {@link TransientFailures transient failure} (the database away or slow) is not the event's
 * fault: it propagates as it is, the processor rolls the batch back and retries it with back-off,
 * and nothing is isolated or dead-lettered.
 *
 * <p>A dead letter's retry always runs in a savepoint: the queue records the failed retry in the
 * same transaction.
 */
class SavepointPerHandler implements HandlerEnhancerDefinition {

    private static final String BATCH_FAILS = SavepointPerHandler.class.getName() + ".fails";

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
                if (!CurrentUnitOfWork.isStarted()
                        || CurrentUnitOfWork.get().resources().containsKey(DeadLetter.class.getName())) {
                    return isolated(message, target);
                }
                UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get();
                String key = message.getIdentifier() + "/" + target.getClass().getName();
                if (Isolation.marked(unitOfWork, key)) {
                    Isolation.flushPending(unitOfWork);
                    return isolated(message, target);
                }
                Isolation.seen(unitOfWork, key);
                try {
                    return super.handle(message, target);
                } catch (Exception | Error e) {
                    if (!TransientFailures.isTransient(e)) {
                        Isolation.batchFailed(unitOfWork, e);
                        failTheBatch(unitOfWork, message);
                    }
                    throw e;
                }
            }

            private Object isolated(Message<?> message, T target) throws Exception {
                Object positions = StreamPositions.remember();
                try {
                    return Isolation.run(() -> savepoint.execute(status -> {
                        try {
                            return super.handle(message, target);
                        } catch (RuntimeException | Error e) {
                            throw e;
                        } catch (Exception e) {
                            throw new Checked(e);
                        }
                    }));
                } catch (Checked e) {
                    StreamPositions.restore(positions);
                    throw (Exception) e.getCause();
                } catch (RuntimeException | Error e) {
                    StreamPositions.restore(positions);
                    throw e;
                }
            }
        };
    }

    /** Makes the batch roll back when it would commit, whatever the dead-letter queue did with the failure. */
    private static void failTheBatch(UnitOfWork<?> unitOfWork, Message<?> message) {
        if (unitOfWork.resources().putIfAbsent(BATCH_FAILS, Boolean.TRUE) == null) {
            unitOfWork.onPrepareCommit(batch -> {
                throw new RetryIsolated(message.getIdentifier());
            });
        }
    }

    /** Rolls a batch back so that the processor retries it with the failing event in a savepoint. */
    static final class RetryIsolated extends RuntimeException {
        RetryIsolated(String eventId) {
            super("event " + eventId + " failed in its batch; the batch is retried with the event isolated");
        }
    }

    /** Carries a checked exception through the template, which rolls back on unchecked ones. */
    private static final class Checked extends RuntimeException {
        Checked(Exception cause) {
            super(cause);
        }
    }
}
