package io.warnews.query.audit;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * One stored event as an auditor sees it: what it says (type, payload as stored), where it sits
 * (stream, version in the stream, global position), and its provenance from the metadata the
 * command-service recorded (editor, when, correlation id) with the source the payload names.
 *
 * @param type            the payload's simple class name, e.g. {@code LossesReported}
 * @param payloadType     the fully qualified payload type as stored
 * @param payloadRevision the payload's revision as stored (older revisions are shown as stored, not upcast)
 * @param recordedAt      the metadata's {@code recordedAt}, or the stored timestamp when it has none
 * @param storedAt        Axon's timestamp of the event ({@code time_stamp})
 * @param source          the payload's {@code source} (outlet, url, headline, publishedAt), or null
 */
record RecordedEvent(String eventId, String streamId, String streamType, long version, long globalPosition,
                     String type, String payloadType, String payloadRevision, JsonNode payload, String recordedBy,
                     Instant recordedAt, Instant storedAt, JsonNode source, String correlationId, JsonNode metaData) {
}
