package io.warnews.events;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;

/**
 * The version (revision) of every event of the contract, stored with each event in
 * {@code payload_revision}, and the steps that bring an older stored form up to date.
 *
 * <table>
 *   <caption>Event versions</caption>
 *   <tr><th>event</th><th>revision</th><th>what changed</th></tr>
 *   <tr><td>{@link LossesReported}</td><td>2</td><td>figures are a list of {category, value,
 *       qualifier}; revision 1 keyed them by category ({@link LossesReportedUpcast})</td></tr>
 *   <tr><td>{@link LossFigure} (in every loss event)</td><td>-</td><td>optional {@code lower} and
 *       {@code upper} added; older payloads read them as {@code null}, qualifiers MORE_THAN and LESS_THAN
 *       added (no older payload has them)</td></tr>
 *   <tr><td>every other event</td><td>1</td><td>as first published</td></tr>
 * </table>
 *
 * <p>Rules: adding a field is not a new revision (readers ignore unknown fields, and a missing one
 * reads as {@code null}); renaming or reshaping a field is, and comes with a {@link JsonUpcast}
 * from the previous revision and a test that reads the old form. Events stored before revisions
 * were recorded have none ({@code null}).
 */
public final class EventVersions {

    private static final Map<Class<?>, String> REVISIONS = Map.ofEntries(
            Map.entry(ConflictRegistered.class, "1"),
            Map.entry(LossesReported.class, "2"),
            Map.entry(LossReportCorrected.class, "1"),
            Map.entry(LossReportRevised.class, "1"),
            Map.entry(LossReportRetracted.class, "1"),
            Map.entry(LossReportRestored.class, "1"),
            Map.entry(AttackLaunched.class, "1"),
            Map.entry(AttackCasualtiesRevised.class, "1"),
            Map.entry(AttackCorrected.class, "1"),
            Map.entry(AttackRetracted.class, "1"),
            Map.entry(TalksOpened.class, "1"),
            Map.entry(RoundHeld.class, "1"),
            Map.entry(TermsProposed.class, "1"),
            Map.entry(TermsAccepted.class, "1"),
            Map.entry(TermsRejected.class, "1"),
            Map.entry(PrisonersExchanged.class, "1"),
            Map.entry(TalksSuspended.class, "1"),
            Map.entry(TalksResumed.class, "1"),
            Map.entry(AgreementSigned.class, "1"),
            Map.entry(TalksCollapsed.class, "1"));

    private static final List<JsonUpcast> UPCASTS = List.of(new LossesReportedUpcast());

    private EventVersions() {
    }

    /** The current revision of an event class; {@code null} for a class that is not an event of the contract. */
    public static String revisionOf(Class<?> type) {
        return REVISIONS.get(type);
    }

    /** Every step from an older revision to a newer one, in the order they apply. */
    public static List<JsonUpcast> upcasts() {
        return UPCASTS;
    }

    /**
     * A stored payload in its current form, for readers of the raw JSON: applies every step that
     * accepts the type and revision, in order.
     */
    public static ObjectNode upcast(String payloadType, String revision, ObjectNode payload) {
        ObjectNode current = payload;
        String currentRevision = revision;
        for (JsonUpcast step : UPCASTS) {
            if (step.payloadType().equals(payloadType) && step.accepts(currentRevision)) {
                current = step.upcast(current);
                currentRevision = step.toRevision();
            }
        }
        return current;
    }
}
