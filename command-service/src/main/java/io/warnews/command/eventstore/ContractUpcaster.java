package io.warnews.command.eventstore;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.warnews.events.EventVersions;
import io.warnews.events.JsonUpcast;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;

/**
 * One step of the contract's event evolution ({@link EventVersions#upcasts()}, plain Jackson in
 * shared-events) as an Axon upcaster. The query-service has the same few lines: the contract
 * stays free of Axon, and the logic itself is written once.
 */
final class ContractUpcaster extends SingleEventUpcaster {

    private final JsonUpcast step;

    private ContractUpcaster(JsonUpcast step) {
        this.step = step;
    }

    /** Every step of the contract, in order. */
    static EventUpcaster chain() {
        return new EventUpcasterChain(EventVersions.upcasts().stream().map(ContractUpcaster::new).toList());
    }

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation event) {
        return event.getType().getName().equals(step.payloadType()) && step.accepts(event.getType().getRevision());
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation event) {
        return event.upcastPayload(new SimpleSerializedType(step.payloadType(), step.toRevision()), JsonNode.class,
                payload -> step.upcast(((ObjectNode) payload).deepCopy()));
    }
}
