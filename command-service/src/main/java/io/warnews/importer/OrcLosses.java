package io.warnews.importer;

import com.fasterxml.jackson.databind.JsonNode;
import io.warnews.events.LossCategory;
import io.warnews.events.LossFigure;
import io.warnews.events.Qualifier;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Reads {@code orc-losses/russian-losses.json} (the Orc Losses project's independent
 * transcription of the same Ministry reports; rows newest first, with missing days) as days in our
 * categories. Every field of {@link #FIELDS} maps to one category; a null value means the
 * transcription gives no figure that day (rocketSystems on its first two days, submarines before
 * 2023-12-20, specialEquipment and missiles before 2022-05-10) and the category is left out of the
 * report. Personnel is ABOUT (the Ministry says "about"), the rest EXACT. Before 2022-05-01
 * {@code unarmoredVehicles} holds the Ministry's "military auto" only (1,701 on 2022-04-30, where
 * the first dataset's vehicles and fuel tanks are 1,777): it is imported as VEHICLES_AND_FUEL_TANKS
 * as it stands, a disagreement between the two claimants that stays visible. Unknown fields are
 * refused.
 */
final class OrcLosses {

    static final String FILE = "orc-losses/russian-losses.json";

    static final Map<String, LossCategory> FIELDS = Map.ofEntries(
            Map.entry("personnel", LossCategory.PERSONNEL),
            Map.entry("tanks", LossCategory.TANKS),
            Map.entry("afvs", LossCategory.ARMOURED_VEHICLES),
            Map.entry("artillery", LossCategory.ARTILLERY),
            Map.entry("airDefense", LossCategory.AIR_DEFENCE),
            Map.entry("rocketSystems", LossCategory.MLRS),
            Map.entry("unarmoredVehicles", LossCategory.VEHICLES_AND_FUEL_TANKS),
            Map.entry("fixedWingAircraft", LossCategory.AIRCRAFT),
            Map.entry("rotaryWingAircraft", LossCategory.HELICOPTERS),
            Map.entry("uavs", LossCategory.UAVS),
            Map.entry("ships", LossCategory.SHIPS),
            Map.entry("submarines", LossCategory.SUBMARINES),
            Map.entry("specialEquipment", LossCategory.SPECIAL_EQUIPMENT),
            Map.entry("missiles", LossCategory.CRUISE_MISSILES));

    private OrcLosses() {
    }

    static List<Day> read(DataFiles files) {
        List<Day> days = new ArrayList<>();
        for (JsonNode row : files.read(FILE)) {
            LocalDate date = LocalDate.parse(row.get("date").asText());
            Map<LossCategory, LossFigure> figures = new EnumMap<>(LossCategory.class);
            for (Iterator<Map.Entry<String, JsonNode>> fields = row.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (field.getKey().equals("date") || field.getKey().equals("sourceUri")) {
                    continue;
                }
                LossCategory category = FIELDS.get(field.getKey());
                if (category == null) {
                    throw new IllegalStateException(FILE + " on " + date + ": unknown field '" + field.getKey() + "'");
                }
                if (!field.getValue().isNull()) {
                    figures.put(category, new LossFigure(category, field.getValue().asLong(),
                            category == LossCategory.PERSONNEL ? Qualifier.ABOUT : Qualifier.EXACT));
                }
            }
            days.add(new Day(date, figures, row.path("sourceUri").asText(null)));
        }
        days.sort((a, b) -> a.date().compareTo(b.date()));
        for (int i = 1; i < days.size(); i++) {
            if (days.get(i).date().equals(days.get(i - 1).date())) {
                throw new IllegalStateException(FILE + " has " + days.get(i).date() + " twice");
            }
        }
        return days;
    }
}
