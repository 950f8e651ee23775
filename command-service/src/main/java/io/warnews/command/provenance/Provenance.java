package io.warnews.command.provenance;

/** The metadata keys the service stamps on every command and, through it, on every event. */
public final class Provenance {

    /** The authenticated editor who submitted the write. */
    public static final String EDITOR = "editor";
    /** When the service received the write (ISO-8601 instant). */
    public static final String RECORDED_AT = "recordedAt";
    /** The request's correlation id: the client's {@code X-Correlation-Id} header, or a new UUID. */
    public static final String CORRELATION_ID = "correlationId";
    public static final String CORRELATION_HEADER = "X-Correlation-Id";

    private Provenance() {
    }
}
