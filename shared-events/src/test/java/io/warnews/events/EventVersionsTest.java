package io.warnews.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayDeque;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventVersionsTest {

    private final ObjectMapper json = EventJson.objectMapper();

    @Test
    void everyEventOfTheContractHasAVersionAndNothingElseHasOne() {
        var pending = new ArrayDeque<Class<?>>(List.of(WarEvent.class));
        while (!pending.isEmpty()) {
            Class<?> type = pending.poll();
            if (type.isSealed()) {
                pending.addAll(List.of(type.getPermittedSubclasses()));
            } else {
                assertThat(EventVersions.revisionOf(type)).as(type.getSimpleName()).isNotNull();
            }
        }
        assertThat(EventVersions.revisionOf(LossesReported.class)).isEqualTo("2");
        assertThat(EventVersions.revisionOf(LossFigure.class)).isNull();
    }

    @Test
    void aLossReportStoredInRevisionOneReadsAsTheCurrentEvent() throws Exception {
        String revisionOne = """
                {"ledgerId":"l1","reportId":"r1","conflictId":"russia-ukraine","side":"RU",
                 "claimant":"Ministry of Defence of Ukraine","asOf":"2025-06-12","basis":"CUMULATIVE",
                 "figures":{"PERSONNEL":{"value":1000340,"qualifier":"ABOUT"},
                            "UAVS":{"value":40000,"qualifier":"AT_LEAST"}},
                 "source":{"outlet":"Kyiv Independent","url":"https://kyivindependent.com/example",
                           "headline":"Russia's losses pass 1 million","publishedAt":"2025-06-12T08:15:00Z"}}""";

        ObjectNode upcast = EventVersions.upcast(LossesReported.class.getName(), "1",
                (ObjectNode) json.readTree(revisionOne));

        assertThat(json.treeToValue(upcast, LossesReported.class)).isEqualTo(SampleEvents.all().get(1));
    }

    @Test
    void theCurrentFormPassesThroughUnchangedWhateverRevisionItWasStoredWith() {
        LossesReported current = (LossesReported) SampleEvents.all().get(1);
        for (String revision : new String[] {null, "1", "2"}) {
            ObjectNode stored = json.valueToTree(current);
            ObjectNode read = EventVersions.upcast(LossesReported.class.getName(), revision, stored.deepCopy());
            assertThat(read).as("revision %s", revision).isEqualTo(stored);
        }
    }

    @Test
    void otherEventsAreNotTouched() {
        ObjectNode stored = json.valueToTree(SampleEvents.all().get(2));
        assertThat(EventVersions.upcast(LossReportCorrected.class.getName(), null, stored.deepCopy())).isEqualTo(stored);
    }
}
