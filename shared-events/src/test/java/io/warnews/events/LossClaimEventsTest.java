package io.warnews.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Loss events as stored before bounds and the newer qualifiers existed, and the events added with them. */
class LossClaimEventsTest {

    private final ObjectMapper json = EventJson.objectMapper();
    private final Source source = new Source("Ministry of Defence of Ukraine", "https://www.mil.gov.ua/", null,
            Instant.parse("2024-02-27T07:00:00Z"));

    @Test
    void aCorrectionStoredBeforeFiguresHadBoundsReadsWithoutBounds() throws Exception {
        String stored = """
                {"ledgerId":"l1","reportId":"r1","conflictId":"russia-ukraine","side":"RU",
                 "claimant":"Ministry of Defence of Ukraine","asOf":"2024-02-26","basis":"CUMULATIVE",
                 "figures":[{"category":"TANKS","value":6555,"qualifier":"EXACT"}],"reason":"typo","source":null}""";

        LossReportCorrected read = json.readValue(EventVersions.upcast(LossReportCorrected.class.getName(), null,
                (com.fasterxml.jackson.databind.node.ObjectNode) json.readTree(stored)).toString(),
                LossReportCorrected.class);

        assertThat(read.figures()).containsExactly(new LossFigure(LossCategory.TANKS, 6_555, Qualifier.EXACT));
        assertThat(read.figures().get(0).lower()).isNull();
        assertThat(read.figures().get(0).floor()).isEqualTo(6_555L);
        assertThat(read.figures().get(0).ceiling()).isEqualTo(6_555L);
    }

    @Test
    void revisionsRestorationsAndBoundedFiguresSurviveTheirJson() throws Exception {
        List<LossFigure> figures = List.of(
                new LossFigure(LossCategory.KILLED, 45_000, Qualifier.MORE_THAN, 40_000L, 50_000L),
                new LossFigure(LossCategory.TANKS, 100, Qualifier.LESS_THAN));
        List<LossLedgerEvent> events = List.of(
                new LossReportRevised("l1", "r1", "russia-ukraine", "RU", "ISW", WorldDate.parse("2024-03"),
                        Basis.CUMULATIVE, figures, "republished", source),
                new LossReportRestored("l1", "r1", "russia-ukraine", "RU", "ISW", "back in the source"));
        for (LossLedgerEvent event : events) {
            assertThat(json.readValue(json.writeValueAsString(event), event.getClass())).isEqualTo(event);
            assertThat(EventVersions.revisionOf(event.getClass())).isEqualTo("1");
        }
    }

    @Test
    void floorsAndCeilingsFollowTheQualifierUnlessBoundsAreGiven() {
        assertThat(new LossFigure(LossCategory.TANKS, 10, Qualifier.AT_LEAST).ceiling()).isNull();
        assertThat(new LossFigure(LossCategory.TANKS, 10, Qualifier.MORE_THAN).floor()).isEqualTo(10L);
        assertThat(new LossFigure(LossCategory.TANKS, 10, Qualifier.LESS_THAN).floor()).isNull();
        assertThat(new LossFigure(LossCategory.TANKS, 10, Qualifier.LESS_THAN).ceiling()).isEqualTo(10L);
        assertThat(new LossFigure(LossCategory.TANKS, 10, Qualifier.ABOUT, 8L, 12L).floor()).isEqualTo(8L);
        assertThat(new LossFigure(LossCategory.TANKS, 10, Qualifier.ABOUT, 8L, 12L).ceiling()).isEqualTo(12L);
    }
}
