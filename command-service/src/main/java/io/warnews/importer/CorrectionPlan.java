package io.warnews.importer;

import io.warnews.events.LossCategory;
import io.warnews.events.LossFigure;
import io.warnews.events.Qualifier;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The order of the requests that record a claimant's days: batches of reports in date order, and
 * before a day whose figure is lower than what earlier days give, the corrections of those earlier
 * reports (the ledger refuses a cumulative figure that goes down; a real decrease is the Ministry
 * correcting its earlier count).
 * <p>
 * Each earlier report whose figure of the category is above the new one is corrected down to the
 * new one, its other figures kept. A report is corrected once only, with its final figures, before
 * the first day that needs it: when two later days each find it too high (orc-losses: the reports
 * of 2025-09-27 .. 2025-10-02, too high in air defence on 2025-10-03 and in special equipment on
 * 2025-10-04), the one correction carries both decreases in its figures and its reason. So a
 * second run sends the very same requests, and each answers 200: nothing is recorded twice.
 */
final class CorrectionPlan {

    /** A figure lower than an earlier report's, in words for the reason. */
    record Decrease(LossCategory category, LocalDate lowerDate, long lowerValue, LocalDate higherDate,
                    long higherValue) {
    }

    /** The corrected figures of the report of {@code reportDate}: all of its figures, some lowered. */
    record Correction(LocalDate reportDate, List<LossFigure> figures, List<Decrease> decreases, String reason) {
    }

    /** Corrections to file, then days to record in one batch. */
    record Segment(List<Correction> correctionsBefore, List<Day> days) {
    }

    static final int REASON_MAX = 1000;

    private CorrectionPlan() {
    }

    static List<Segment> of(List<Day> days, Map<LocalDate, Map<LossCategory, Long>> adjustments, int maxBatch) {
        TreeMap<LocalDate, Map<LossCategory, LossFigure>> recorded = new TreeMap<>();
        Map<LocalDate, List<Decrease>> decreases = new LinkedHashMap<>();
        Map<LocalDate, List<LocalDate>> correctedBefore = new LinkedHashMap<>();
        for (Day day : days) {
            for (LossFigure figure : day.figures().values()) {
                if (figure.qualifier() == Qualifier.AT_LEAST) {
                    continue; // a lower bound contradicts no earlier figure
                }
                for (var earlier : recorded.headMap(day.date(), false).entrySet()) {
                    LossFigure before = earlier.getValue().get(figure.category());
                    if (before == null || before.value() <= figure.value()) {
                        continue;
                    }
                    LocalDate reportDate = earlier.getKey();
                    if (!decreases.containsKey(reportDate)) {
                        correctedBefore.computeIfAbsent(day.date(), d -> new ArrayList<>()).add(reportDate);
                    }
                    decreases.computeIfAbsent(reportDate, d -> new ArrayList<>()).add(new Decrease(
                            figure.category(), day.date(), figure.value(), reportDate, before.value()));
                    earlier.getValue().put(figure.category(),
                            new LossFigure(figure.category(), figure.value(), before.qualifier()));
                }
            }
            recorded.put(day.date(), new EnumMap<>(day.figures()));
        }

        List<Segment> segments = new ArrayList<>();
        List<Correction> corrections = List.of();
        List<Day> batch = new ArrayList<>();
        for (Day day : days) {
            List<LocalDate> toCorrect = correctedBefore.get(day.date());
            if (toCorrect != null || batch.size() == maxBatch) {
                if (!batch.isEmpty()) {
                    segments.add(new Segment(corrections, batch));
                }
                batch = new ArrayList<>();
                corrections = toCorrect == null ? List.of() : toCorrect.stream().map(reportDate -> new Correction(
                        reportDate, List.copyOf(recorded.get(reportDate).values()), decreases.get(reportDate),
                        reason(decreases.get(reportDate), adjustments))).toList();
            }
            batch.add(day);
        }
        if (!batch.isEmpty()) {
            segments.add(new Segment(corrections, batch));
        }
        return segments;
    }

    static String reason(List<Decrease> decreases, Map<LocalDate, Map<LossCategory, Long>> adjustments) {
        StringBuilder reason = new StringBuilder();
        for (Decrease decrease : decreases) {
            if (!reason.isEmpty()) {
                reason.append(' ');
            }
            String what = words(decrease.category());
            reason.append(String.format(Locale.ENGLISH,
                    "The Ministry's report of %s gives %,d %s, fewer than the %,d reported on %s: "
                            + "the earlier count is corrected down.",
                    decrease.lowerDate(), decrease.lowerValue(), what, decrease.higherValue(), decrease.higherDate()));
            for (LocalDate date = decrease.lowerDate().minusDays(1); !date.isAfter(decrease.lowerDate().plusDays(1));
                 date = date.plusDays(1)) {
                Long adjustment = adjustments.getOrDefault(date, Map.of()).get(decrease.category());
                if (adjustment != null && adjustment < 0) {
                    reason.append(String.format(Locale.ENGLISH,
                            " The Ministry announced an adjustment of %,d %s on %s.", adjustment, what, date));
                }
            }
        }
        return reason.length() <= REASON_MAX ? reason.toString() : reason.substring(0, REASON_MAX - 1) + "…";
    }

    static String words(LossCategory category) {
        return switch (category) {
            case PERSONNEL -> "personnel";
            case CAPTURED -> "prisoners";
            case ARMOURED_VEHICLES -> "armoured vehicles";
            case ARTILLERY -> "artillery systems";
            case MLRS -> "multiple-launch rocket systems";
            case AIR_DEFENCE -> "air defence systems";
            case UAVS -> "UAVs";
            case VEHICLES_AND_FUEL_TANKS -> "vehicles and fuel tanks";
            case SPECIAL_EQUIPMENT -> "pieces of special equipment";
            case GROUND_ROBOTIC_SYSTEMS -> "ground robotic systems";
            default -> category.name().toLowerCase(Locale.ROOT).replace('_', ' ');
        };
    }
}
