package io.warnews.query.timeline;

import io.warnews.events.AttackDetails;
import io.warnews.events.Basis;
import io.warnews.events.Casualties;
import io.warnews.events.LossCategory;
import io.warnews.events.LossFigure;
import io.warnews.events.Party;
import io.warnews.events.Qualifier;
import io.warnews.events.Target;
import io.warnews.events.WorldDate;
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

    static String attack(AttackDetails details) {
        StringBuilder sentence = new StringBuilder(details.attacker() == null ? "Attack" : details.attacker() + " attack");
        if (!details.targets().isEmpty()) {
            sentence.append(" on ").append(details.targets().stream().map(Sentences::place)
                    .collect(Collectors.joining(", ")));
        }
        if (details.launched() > 0) {
            sentence.append(": ").append(number(details.launched())).append(" launched, ")
                    .append(number(details.intercepted())).append(" intercepted");
        }
        String toll = casualties(details.casualties());
        if (!toll.isEmpty()) {
            sentence.append(details.launched() > 0 ? "; " : ": ").append(toll);
        }
        return sentence.append(".").toString();
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
