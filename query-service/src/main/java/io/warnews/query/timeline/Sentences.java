package io.warnews.query.timeline;

import io.warnews.events.AttackDetails;
import io.warnews.events.Basis;
import io.warnews.events.Casualties;
import io.warnews.events.Impact;
import io.warnews.events.LossCategory;
import io.warnews.events.LossFigure;
import io.warnews.events.Party;
import io.warnews.events.Qualifier;
import io.warnews.events.Target;
import io.warnews.events.WeaponTotal;
import io.warnews.events.WorldDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** The one-sentence summaries of the timeline, in plain English. */
final class Sentences {

    private Sentences() {
    }

    static String conflictRegistered(String name, List<Party> parties) {
        return name + " begins, between " + parties.stream()
                .map(party -> party.name() + " (" + party.code() + ")")
                .collect(Collectors.joining(" and ")) + ".";
    }

    static String losses(String claimant, String side, WorldDate asOf, Basis basis, List<LossFigure> figures) {
        String period = basis == Basis.CUMULATIVE ? "since the start, as of " : "during ";
        return claimant + " reports " + side + " losses " + period + asOf + ": " + figures.stream()
                .map(figure -> category(figure.category()) + " " + qualified(figure.qualifier(), figure.value()))
                .collect(Collectors.joining("; ")) + ".";
    }

    /**
     * "RU attack on Kyiv: 479 launched, interceptions not reported; 2 killed." Every figure that is
     * not reported is said to be so, never written as 0; a figure some weapon lines leave out is "at
     * least"; an attack without weapon lines says nothing of launches.
     */
    static String attack(AttackDetails details) {
        StringBuilder sentence = new StringBuilder(details.attacker() == null ? "Attack" : details.attacker() + " attack");
        List<Target> hit = details.targets().stream().filter(target -> target.impact() != Impact.DEBRIS).toList();
        List<Target> debris = details.targets().stream().filter(target -> target.impact() == Impact.DEBRIS).toList();
        if (!hit.isEmpty()) {
            sentence.append(" on ").append(hit.stream().map(Sentences::place).collect(Collectors.joining(", ")));
        }
        List<String> parts = new ArrayList<>();
        if (!details.weapons().isEmpty()) {
            parts.add(weapons(details));
        }
        if (!debris.isEmpty()) {
            parts.add("debris fell on " + debris.stream().map(Sentences::place).collect(Collectors.joining(", ")));
        }
        String toll = casualties(details.casualties());
        if (!toll.isEmpty()) {
            parts.add(toll);
        }
        if (!parts.isEmpty()) {
            sentence.append(": ").append(String.join("; ", parts));
        }
        return sentence.append(".").toString();
    }

    private static String weapons(AttackDetails details) {
        StringBuilder text = new StringBuilder();
        WeaponTotal launched = details.launched();
        text.append(launched.reported() ? figure(launched) + " launched" : "number launched not reported");
        WeaponTotal intercepted = details.intercepted();
        text.append(", ").append(intercepted.reported() ? figure(intercepted) + " intercepted"
                : "interceptions not reported");
        List<String> parts = new ArrayList<>();
        if (details.shotDown().reported()) {
            parts.add(figure(details.shotDown()) + " shot down");
        }
        if (details.suppressed().reported()) {
            parts.add(figure(details.suppressed()) + " suppressed by electronic warfare");
        }
        if (!parts.isEmpty()) {
            text.append(" (").append(String.join(", ", parts)).append(")");
        }
        if (details.lost().reported()) {
            text.append(", ").append(figure(details.lost())).append(" did not reach their targets");
        }
        if (details.decoys().reported()) {
            text.append(", ").append(figure(details.decoys())).append(details.decoys().value() == 1 ? " decoy"
                    : " decoys");
        }
        return text.toString();
    }

    /** A figure over weapon lines: "479", or "at least 479" when some line does not give it. */
    private static String figure(WeaponTotal total) {
        return (total.complete() ? "" : "at least ") + number(total.value());
    }

    static String casualtiesRevised(Casualties casualties) {
        String toll = casualties(casualties);
        return "Toll revised" + (toll.isEmpty() ? "" : ": " + toll) + ".";
    }

    static String casualties(Casualties casualties) {
        StringBuilder toll = new StringBuilder();
        if (casualties.killed() != null) {
            toll.append(number(casualties.killed())).append(" killed");
        }
        if (casualties.injured() != null) {
            toll.append(toll.isEmpty() ? "" : ", ").append(number(casualties.injured())).append(" injured");
        }
        return toll.toString();
    }

    static String counts(Map<String, Integer> counts) {
        return new TreeMap<>(counts).entrySet().stream()
                .map(entry -> entry.getKey() + " " + number(entry.getValue()))
                .collect(Collectors.joining(", "));
    }

    static String number(long value) {
        return String.format(Locale.ENGLISH, "%,d", value);
    }

    private static String place(Target target) {
        return target.region() == null || target.region().equals(target.place())
                ? target.place()
                : target.place() + " (" + target.region() + ")";
    }

    private static String qualified(Qualifier qualifier, long value) {
        return switch (qualifier) {
            case EXACT -> number(value);
            case ABOUT -> "about " + number(value);
            case AT_LEAST -> "at least " + number(value);
            case MORE_THAN -> "more than " + number(value);
            case LESS_THAN -> "less than " + number(value);
        };
    }

    private static String category(LossCategory category) {
        return switch (category) {
            case UAVS -> "UAVs";
            case MLRS -> "MLRS";
            default -> category.name().toLowerCase(Locale.ROOT).replace('_', ' ');
        };
    }
}
