package io.warnews.query.losses;

import io.warnews.events.LossCategory;
import io.warnews.events.WorldDate;
import io.warnews.query.conflicts.Conflict;
import io.warnews.query.losses.LossesView.CategoryLosses;
import io.warnews.query.losses.LossesView.Change;
import io.warnews.query.losses.LossesView.ClaimantFigure;
import io.warnews.query.losses.LossesView.Headline;
import io.warnews.query.losses.LossesView.SideLosses;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Running totals: per side and category, every claimant's latest figure and the headline, the
 * newest of them. The change over N days compares the headline with its own claimant's figure
 * for the day N days before the headline's date, so that it never mixes claimants.
 * <p>
 * Anomalies: a figure that contradicts the same claimant's figure on a neighbouring date is
 * counted like any other (the claimant said it); the headline and the claimant's line carry
 * {@code anomalous: true} while the contradiction is open, so that a reader can see the total
 * rests on a figure under doubt.
 */
@Component
class RunningTotals {

    private static final int[] CHANGE_DAYS = {1, 7, 30};

    private final LossQueries queries;

    RunningTotals(LossQueries queries) {
        this.queries = queries;
    }

    LossesView of(Conflict conflict, Optional<String> side, Optional<WorldDate> asOf) {
        return of(conflict, side, asOf, Optional.empty());
    }

    /** As {@link #of(Conflict, Optional, Optional)}, from what was known at {@code knownAt} (empty: now). */
    LossesView of(Conflict conflict, Optional<String> side, Optional<WorldDate> asOf, Optional<Instant> knownAt) {
        List<Figure> latest = queries.latestPerClaimant(conflict.id(), side, asOf.map(WorldDate::end), knownAt);
        Map<String, Map<LossCategory, List<Figure>>> bySide = latest.stream().collect(Collectors.groupingBy(
                Figure::side, Collectors.groupingBy(Figure::category, () -> new EnumMap<>(LossCategory.class),
                        Collectors.toList())));
        List<Figure> headlines = bySide.values().stream()
                .flatMap(categories -> categories.values().stream())
                .map(figures -> figures.stream().max(Figure.NEWEST).orElseThrow())
                .toList();
        List<Figure> earlier = earlierFiguresOf(headlines, knownAt);
        List<SideLosses> sides = new ArrayList<>();
        for (String code : side.map(List::of).orElseGet(conflict::partyCodes)) {
            List<CategoryLosses> categories = new ArrayList<>();
            bySide.getOrDefault(code, Map.of()).forEach((category, figures) -> {
                Figure headline = figures.stream().max(Figure.NEWEST).orElseThrow();
                categories.add(new CategoryLosses(category, Headline.of(headline), change(headline, earlier),
                        figures.stream().map(ClaimantFigure::of).toList()));
            });
            sides.add(new SideLosses(code, categories));
        }
        return new LossesView(conflict.id(), asOf.orElse(null), sides);
    }

    private List<Figure> earlierFiguresOf(List<Figure> headlines, Optional<Instant> knownAt) {
        List<String> ledgers = new ArrayList<>();
        List<LossCategory> categories = new ArrayList<>();
        List<LocalDate> days = new ArrayList<>();
        for (Figure headline : headlines) {
            for (int n : CHANGE_DAYS) {
                ledgers.add(headline.ledgerId());
                categories.add(headline.category());
                days.add(headline.asOf().end().minusDays(n));
            }
        }
        return queries.onDays(ledgers, categories, days, knownAt);
    }

    private static Change change(Figure headline, List<Figure> earlier) {
        Long[] changes = new Long[CHANGE_DAYS.length];
        for (int i = 0; i < CHANGE_DAYS.length; i++) {
            LocalDate day = headline.asOf().end().minusDays(CHANGE_DAYS[i]);
            changes[i] = earlier.stream()
                    .filter(figure -> figure.side().equals(headline.side())
                            && figure.category() == headline.category()
                            && figure.claimant().equals(headline.claimant())
                            && figure.asOf().end().equals(day))
                    .findFirst()
                    .map(figure -> headline.value() - figure.value())
                    .orElse(null);
        }
        return new Change(changes[0], changes[1], changes[2]);
    }
}
