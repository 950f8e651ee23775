-- Readers in other processes learn at once that events were appended, instead of at their next
-- poll: every statement that appends to the event table sends a notification on the channel
-- warnews_events_appended, delivered when (and only if) its transaction commits. The
-- query-service's processors LISTEN on it (io.warnews.query.eventstore.AppendListener) and still
-- poll, so a reader that is not listening misses nothing.
CREATE FUNCTION notify_events_appended() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('warnews_events_appended', '');
    RETURN NULL;
END
$$;

CREATE TRIGGER domain_event_entry_appended AFTER INSERT ON domain_event_entry
    FOR EACH STATEMENT EXECUTE FUNCTION notify_events_appended();
