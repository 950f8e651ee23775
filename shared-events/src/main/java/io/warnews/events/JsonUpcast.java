package io.warnews.events;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One step of an event's evolution, written against Jackson's tree only, so that the contract
 * stays free of any framework: it turns a payload stored in an older revision of its event into
 * the next one. Each service wraps the steps of {@link EventVersions#upcasts()} in an Axon
 * upcaster of a few lines; a reader of the raw JSON (the HTTP feed, an auditor's SQL) calls
 * {@link EventVersions#upcast} directly.
 */
public interface JsonUpcast {

    /** The fully qualified class name of the event, as stored in {@code payload_type}. */
    String payloadType();

    /** Whether a payload stored with this revision ({@code null} when none was stored) is this step's input. */
    boolean accepts(String revision);

    /** The revision of what {@link #upcast} returns. */
    String toRevision();

    /** The payload in the next revision; may change and return the node it is given. */
    ObjectNode upcast(ObjectNode payload);
}
