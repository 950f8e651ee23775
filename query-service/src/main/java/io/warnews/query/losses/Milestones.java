package io.warnews.query.losses;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Walks claimants' daily series in world-date order and notes each round number passed. */
final class Milestones {

    private Milestones() {
    }

    static List<MilestonesView.Milestone> in(List<Figure> series) {
        Map<String, Long> highest = new HashMap<>();
        List<MilestonesView.Milestone> milestones = new ArrayList<>();
        series.stream()
                .sorted(Comparator.comparing(Figure::side).thenComparing(Figure::category)
                        .thenComparing(Figure::claimant).thenComparing(Figure.NEWEST))
                .forEach(figure -> {
                    String key = figure.side() + '\n' + figure.category() + '\n' + figure.claimant();
                    Long before = highest.get(key);
                    for (long threshold : MilestoneRule.crossed(before, figure.value())) {
                        milestones.add(new MilestonesView.Milestone(figure.side(), figure.category(),
                                figure.claimant(), threshold, figure.value(), figure.qualifier(), figure.asOf(),
                                figure.reportId(), figure.source()));
                    }
                    highest.put(key, before == null ? figure.value() : Math.max(before, figure.value()));
                });
        return milestones;
    }
}
