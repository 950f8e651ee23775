package io.warnews.importer;

import com.fasterxml.jackson.databind.JsonNode;
import io.warnews.events.LossCategory;
import io.warnews.events.LossFigure;
import io.warnews.events.Qualifier;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Reads {@code ua-mod-losses} (Petro Ivaniuk's transcription of the Ministry of Defence of
 * Ukraine's daily reports) as days in our categories.
 * <ul>
 * <li>{@code russia_losses_personnel.json}: {@code personnel} is PERSONNEL, its qualifier from
 * {@code "personnel*"} ({@code about} ABOUT, {@code more} AT_LEAST); {@code POW} is CAPTURED,
 * reported until 2022-04-27 only.</li>
 * <li>{@code russia_losses_equipment.json}: the categories of {@link #EQUIPMENT}, all EXACT. Before
 * 2022-05-01 the Ministry counted "military auto" and "fuel tank" apart; from then on as one
 * "vehicles and fuel tanks". Before the merge the two are summed into VEHICLES_AND_FUEL_TANKS: the
 * sum continues smoothly (1,701 + 76 = 1,777 on 2022-04-30, 1,796 merged on 2022-05-01), and any
 * drop would be recorded as published, like every other. "mobile SRBM system" (2022-03-26 ..
 * 2022-04-30, at most 4) has no category of ours and is left out; "greatest losses direction" is
 * not a count. Any other field is refused, so that a new category in a newer version of the file
 * is noticed rather than dropped.</li>
 * <li>{@code russia_losses_equipment_correction.json}: the signed adjustments the Ministry
 * announced. The figures already include them, so they are not imported.</li>
 * </ul>
 */
final class UaModLosses {

    static final String FOLDER = "ua-mod-losses/";
    static final String PERSONNEL_FILE = FOLDER + "russia_losses_personnel.json";
    static final String EQUIPMENT_FILE = FOLDER + "russia_losses_equipment.json";
    static final String ADJUSTMENTS_FILE = FOLDER + "russia_losses_equipment_correction.json";
    static final LocalDate VEHICLES_MERGED = LocalDate.of(2022, 5, 1);

    static final Map<String, LossCategory> EQUIPMENT = Map.ofEntries(
            Map.entry("aircraft", LossCategory.AIRCRAFT),
            Map.entry("helicopter", LossCategory.HELICOPTERS),
            Map.entry("tank", LossCategory.TANKS),
            Map.entry("APC", LossCategory.ARMOURED_VEHICLES),
            Map.entry("field artillery", LossCategory.ARTILLERY),
            Map.entry("MRL", LossCategory.MLRS),
            Map.entry("drone", LossCategory.UAVS),
            Map.entry("naval ship", LossCategory.SHIPS),
            Map.entry("submarines", LossCategory.SUBMARINES),
            Map.entry("anti-aircraft warfare", LossCategory.AIR_DEFENCE),
            Map.entry("cruise missiles", LossCategory.CRUISE_MISSILES),
            Map.entry("special equipment", LossCategory.SPECIAL_EQUIPMENT),
            Map.entry("ground robotic systems", LossCategory.GROUND_ROBOTIC_SYSTEMS),
            Map.entry("vehicles and fuel tanks", LossCategory.VEHICLES_AND_FUEL_TANKS));
    static final Set<String> PRE_MERGE_VEHICLES = Set.of("military auto", "fuel tank");
    static final Set<String> LEFT_OUT = Set.of("date", "day", "greatest losses direction", "mobile SRBM system");

    private UaModLosses() {
    }

    static List<Day> read(DataFiles files) {
        Map<LocalDate, JsonNode> personnel = new HashMap<>();
        for (JsonNode row : files.read(PERSONNEL_FILE)) {
            personnel.put(LocalDate.parse(row.get("date").asText()), row);
        }
        List<Day> days = new ArrayList<>();
        for (JsonNode row : files.read(EQUIPMENT_FILE)) {
            LocalDate date = LocalDate.parse(row.get("date").asText());
            JsonNode people = personnel.remove(date);
            if (people == null) {
                throw new IllegalStateException(EQUIPMENT_FILE + " has " + date + ", " + PERSONNEL_FILE + " not");
            }
            days.add(day(date, people, row));
        }
        if (!personnel.isEmpty()) {
            throw new IllegalStateException(PERSONNEL_FILE + " has days the equipment file lacks: "
                    + new TreeMap<>(personnel).keySet());
        }
        days.sort((a, b) -> a.date().compareTo(b.date()));
        return days;
    }

    private static Day day(LocalDate date, JsonNode people, JsonNode equipment) {
        Map<LossCategory, LossFigure> figures = new EnumMap<>(LossCategory.class);
        figures.put(LossCategory.PERSONNEL, new LossFigure(LossCategory.PERSONNEL, people.get("personnel").asLong(),
                personnelQualifier(date, people.path("personnel*").asText(""))));
        if (people.hasNonNull("POW")) {
            figures.put(LossCategory.CAPTURED, exact(LossCategory.CAPTURED, people.get("POW").asLong()));
        }
        long preMergeVehicles = 0;
        boolean hasPreMergeVehicles = false;
        for (Iterator<Map.Entry<String, JsonNode>> fields = equipment.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            String name = field.getKey();
            if (LEFT_OUT.contains(name) || field.getValue().isNull()) {
                continue;
            }
            if (PRE_MERGE_VEHICLES.contains(name)) {
                preMergeVehicles += field.getValue().asLong();
                hasPreMergeVehicles = true;
                continue;
            }
            LossCategory category = EQUIPMENT.get(name);
            if (category == null) {
                throw new IllegalStateException(EQUIPMENT_FILE + " on " + date + ": unknown field '" + name + "'");
            }
            figures.put(category, exact(category, field.getValue().asLong()));
        }
        if (hasPreMergeVehicles) {
            if (figures.containsKey(LossCategory.VEHICLES_AND_FUEL_TANKS)) {
                throw new IllegalStateException(EQUIPMENT_FILE + " on " + date
                        + ": both 'vehicles and fuel tanks' and 'military auto'/'fuel tank'");
            }
            figures.put(LossCategory.VEHICLES_AND_FUEL_TANKS,
                    exact(LossCategory.VEHICLES_AND_FUEL_TANKS, preMergeVehicles));
        }
        return new Day(date, figures, null);
    }

    private static Qualifier personnelQualifier(LocalDate date, String text) {
        return switch (text) {
            case "about" -> Qualifier.ABOUT;
            case "more" -> Qualifier.AT_LEAST;
            case "" -> Qualifier.EXACT;
            default -> throw new IllegalStateException(PERSONNEL_FILE + " on " + date
                    + ": unknown personnel qualifier '" + text + "'");
        };
    }

    private static LossFigure exact(LossCategory category, long value) {
        return new LossFigure(category, value, Qualifier.EXACT);
    }
}
