package io.warnews.query.feed;

/** One row of the event table, as stored. */
record StoredEvent(long position, String streamId, long version, String timestamp, String payloadType,
                   String revision, String payload, String metaData) {

    String simpleType() {
        return payloadType.substring(payloadType.lastIndexOf('.') + 1);
    }
}
