package io.warnews.importer;

import com.fasterxml.jackson.databind.JsonNode;
import io.warnews.events.LossCategory;
import io.warnews.events.LossFigure;
import io.warnews.events.Qualifier;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static io.warnews.events.LossCategory.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

/** The datasets' rows in our categories, decreases included: on the project's copy. */
class ImportMappingTest {

    static final DataFiles FILES = DataFiles.classpath();
    static final List<Day> UA_MOD = UaModLosses.read(FILES);
    static final List<Day> ORC = OrcLosses.read(FILES);
    static final LocalDate MILLION_DAY = LocalDate.of(2025, 6, 12);

    static Day day(List<Day> days, String date) {
        return days.stream().filter(day -> day.date().equals(LocalDate.parse(date))).findFirst().orElseThrow();
    }

    @Test
    void bothDatasetsReadAMillionAndThreeHundredFortyPersonnelOnTheTwelfthOfJune2025() {
        for (List<Day> days : List.of(UA_MOD, ORC)) {
            Day day = day(days, MILLION_DAY.toString());
            assertThat(day.figures().get(PERSONNEL)).isEqualTo(new LossFigure(PERSONNEL, 1_000_340, Qualifier.ABOUT));
            assertThat(day.value(UAVS)).isEqualTo(40_435);
            assertThat(day.value(VEHICLES_AND_FUEL_TANKS)).isEqualTo(51_715);
        }
    }

    @Test
    void theDaysAreAllThere() {
        assertThat(UA_MOD).hasSize(1626);
        assertThat(UA_MOD.get(0).date()).isEqualTo("2022-02-25");
        assertThat(UA_MOD.get(UA_MOD.size() - 1).date()).isEqualTo("2026-08-08");
        assertThat(ORC).hasSize(1449);
        assertThat(ORC.get(0).date()).isEqualTo("2022-02-27");
        assertThat(ORC.get(ORC.size() - 1).date()).isEqualTo("2026-08-22");
        assertThat(ORC.get(ORC.size() - 1).sourceUrl())
                .isEqualTo("https://mod.gov.ua/news/bojovi-vtrati-voroga-na-22-serpnya-2026-roku");
    }

    @Test
    void militaryAutoAndFuelTanksAreSummedUntilTheMinistryMergedThemOnTheFirstOfMay2022() {
        Day before = day(UA_MOD, "2022-04-30");
        Day merged = day(UA_MOD, "2022-05-01");
        assertThat(before.value(VEHICLES_AND_FUEL_TANKS)).isEqualTo(1_701 + 76);
        assertThat(merged.value(VEHICLES_AND_FUEL_TANKS)).isEqualTo(1_796);
        // the sum continues smoothly into the merged series: not a single day of the vehicles goes down
        long previous = 0;
        for (Day day : UA_MOD) {
            assertThat(day.value(VEHICLES_AND_FUEL_TANKS)).as(day.date().toString()).isGreaterThanOrEqualTo(previous);
            previous = day.value(VEHICLES_AND_FUEL_TANKS);
        }
        // the other transcription gives "military auto" alone before the merge: a visible disagreement
        assertThat(day(ORC, "2022-04-30").value(VEHICLES_AND_FUEL_TANKS)).isEqualTo(1_701);
    }

    @Test
    void prisonersAreReportedUntilTheTwentySeventhOfApril2022AndShortRangeMissileLaunchersAreLeftOut() {
        assertThat(day(UA_MOD, "2022-04-27").value(CAPTURED)).isEqualTo(496);
        assertThat(day(UA_MOD, "2022-04-28").value(CAPTURED)).isNull();
        assertThat(day(UA_MOD, "2022-03-07").figures().get(PERSONNEL).qualifier()).isEqualTo(Qualifier.AT_LEAST);
        assertThat(day(UA_MOD, "2022-04-30").figures()).doesNotContainKeys(CRUISE_MISSILES, SUBMARINES);
        assertThat(day(ORC, "2022-02-27").figures()).doesNotContainKeys(MLRS, SUBMARINES, SPECIAL_EQUIPMENT,
                CRUISE_MISSILES);
    }

    @Test
    void theLastRowsMapFieldByField() {
        JsonNode equipment = last(FILES.read(UaModLosses.EQUIPMENT_FILE));
        Map<LossCategory, Long> expected = new EnumMap<>(LossCategory.class);
        UaModLosses.EQUIPMENT.forEach((field, category) -> expected.put(category, equipment.get(field).asLong()));
        expected.put(PERSONNEL, last(FILES.read(UaModLosses.PERSONNEL_FILE)).get("personnel").asLong());
        assertThat(values(UA_MOD.get(UA_MOD.size() - 1))).isEqualTo(expected);
        assertThat(expected).containsEntry(TANKS, 12_251L).containsEntry(UAVS, 449_606L)
                .containsEntry(PERSONNEL, 1_456_610L).hasSize(15);

        JsonNode orc = FILES.read(OrcLosses.FILE).get(0);
        Map<LossCategory, Long> expectedOrc = new EnumMap<>(LossCategory.class);
        OrcLosses.FIELDS.forEach((field, category) -> expectedOrc.put(category, orc.get(field).asLong()));
        assertThat(values(ORC.get(ORC.size() - 1))).isEqualTo(expectedOrc);
        assertThat(expectedOrc).containsEntry(PERSONNEL, 1_475_270L).hasSize(14);
    }

    @Test
    void theMinistrysSeriesGoesDownThirteenTimesAndEachIsKeptAsPublished() {
        List<String> decreases = decreases(UA_MOD);
        System.out.println("ua-mod-losses: " + decreases.size() + " decreases: " + decreases);
        assertThat(decreases).containsExactly(
                "2022-10-13 ARMOURED_VEHICLES 5167", "2023-05-28 TANKS 3797", "2023-10-03 AIRCRAFT 315",
                "2024-03-13 CRUISE_MISSILES 1919", "2024-08-05 AIR_DEFENCE 910", "2024-10-03 AIRCRAFT 368",
                "2024-11-30 MLRS 1253", "2024-11-30 SPECIAL_EQUIPMENT 3617", "2025-04-22 MLRS 1367",
                "2025-05-04 CRUISE_MISSILES 3196", "2025-10-03 AIR_DEFENCE 1222",
                "2025-10-03 SPECIAL_EQUIPMENT 3970", "2026-03-04 ARTILLERY 37832");
        assertThat(day(UA_MOD, "2023-05-27").figures().get(TANKS)).isEqualTo(new LossFigure(TANKS, 3_799, Qualifier.EXACT));
        assertThat(day(UA_MOD, "2023-05-28").figures().get(TANKS)).isEqualTo(new LossFigure(TANKS, 3_797, Qualifier.EXACT));
    }

    @Test
    void theOtherTranscriptionGoesDownSixteenTimes() {
        List<String> decreases = decreases(ORC);
        System.out.println("orc-losses: " + decreases.size() + " decreases: " + decreases);
        assertThat(decreases).hasSize(16).contains("2024-12-23 AIR_DEFENCE 1027", "2025-10-04 SPECIAL_EQUIPMENT 3971");
    }

    @Test
    void theProjectsCopyIsByteIdenticalToTheSharedDataWhenThatFolderExists() throws IOException {
        Path shared = Path.of(System.getProperty("warnews.shared.data", "../../shared/data"));
        assumeThat(Files.isDirectory(shared)).as(shared + " exists").isTrue();
        for (String file : List.of("ua-mod-losses/LICENSE", UaModLosses.PERSONNEL_FILE, UaModLosses.EQUIPMENT_FILE,
                UaModLosses.ADJUSTMENTS_FILE, "orc-losses/LICENSE.md", OrcLosses.FILE)) {
            try (InputStream copy = getClass().getClassLoader().getResourceAsStream(DataFiles.CLASSPATH_ROOT + file)) {
                assertThat(copy).as(file).isNotNull();
                assertThat(copy.readAllBytes()).as(file).isEqualTo(Files.readAllBytes(shared.resolve(file)));
            }
        }
        assertThat(UaModLosses.read(DataFiles.in(shared))).isEqualTo(UA_MOD);
    }

    /** Each day on which a category's figure is lower than the nearest earlier day's, with the lower figure. */
    static List<String> decreases(List<Day> days) {
        Map<LossCategory, Long> previous = new EnumMap<>(LossCategory.class);
        List<String> decreases = new ArrayList<>();
        for (Day day : days) {
            day.figures().values().forEach(figure -> {
                Long before = previous.put(figure.category(), figure.value());
                if (before != null && figure.value() < before) {
                    decreases.add(day.date() + " " + figure.category() + " " + figure.value());
                }
            });
        }
        return decreases.stream().sorted().toList();
    }

    private static JsonNode last(JsonNode array) {
        return array.get(array.size() - 1);
    }

    private static Map<LossCategory, Long> values(Day day) {
        Map<LossCategory, Long> values = new EnumMap<>(LossCategory.class);
        day.figures().forEach((category, figure) -> values.put(category, figure.value()));
        return values;
    }
}
