package io.warnews.events;

import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class EventJsonRoundTripTest {

    private final Serializer serializer = io.warnews.events.axon.AxonEventStore.serializer();

    @Test
    void everyEventRoundTripsThroughAxonsJacksonSerializer() {
        for (WarEvent event : SampleEvents.all()) {
            SerializedObject<byte[]> serialized = serializer.serialize(event, byte[].class);
            Object back = serializer.deserialize(serialized);
            assertThat(back).as(event.getClass().getSimpleName()).isEqualTo(event);
        }
    }

    @Test
    void theSamplesCoverEveryEventOfTheContract() {
        Set<Class<?>> concrete = new HashSet<>();
        var pending = new ArrayDeque<Class<?>>();
        pending.add(WarEvent.class);
        while (!pending.isEmpty()) {
            Class<?> type = pending.poll();
            if (type.isSealed()) {
                pending.addAll(java.util.List.of(type.getPermittedSubclasses()));
            } else {
                concrete.add(type);
            }
        }
        Set<Class<?>> sampled = new HashSet<>();
        SampleEvents.all().forEach(e -> sampled.add(e.getClass()));
        assertThat(sampled).containsExactlyInAnyOrderElementsOf(concrete);
        assertThat(concrete).hasSize(20);
    }

    @Test
    void worldDatesAreWrittenAsReadersWriteThem() {
        SerializedObject<byte[]> serialized = serializer.serialize(SampleEvents.all().get(2), byte[].class);
        String json = new String(serialized.getData(), StandardCharsets.UTF_8);
        assertThat(json).contains("\"asOf\":\"2025-02\"").contains("\"publishedAt\":\"2025-06-12T08:15:00Z\"");
    }

    @Test
    void aFieldAddedByANewerWriterDoesNotBreakAnOlderReader() {
        String newer = "{\"attackId\":\"a1\",\"conflictId\":\"c\",\"reason\":\"r\",\"addedLater\":42}";
        var read = serializer.deserialize(new org.axonframework.serialization.SimpleSerializedObject<>(
                newer.getBytes(StandardCharsets.UTF_8), byte[].class, AttackRetracted.class.getName(), null));
        assertThat(read).isEqualTo(new AttackRetracted("a1", "c", "r"));
    }
}
