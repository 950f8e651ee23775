package io.warnews.command.domain;

/**
 * The result of a write: the stream written to and its version after the write (the sequence
 * number of its last event, from 0), and whether this call recorded it or found it already recorded
 * by an identical earlier call.
 */
public record Recorded(String streamId, long version, boolean created) {
}
