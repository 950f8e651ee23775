package io.warnews.events.axon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.warnews.events.JsonUpcast;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;

/** One step of the contract's evolution (plain Jackson, {@link JsonUpcast}) as an Axon upcaster. */
final class ContractUpcaster extends SingleEventUpcaster {

    private final JsonUpcast step;

    ContractUpcaster(JsonUpcast step) {
        this.step = step;
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
