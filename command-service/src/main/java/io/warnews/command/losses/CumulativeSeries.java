package io.warnews.command.losses;

import io.warnews.events.Qualifier;
import io.warnews.events.WorldDate;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One category's cumulative figures in a ledger, by the last day of their world date. Several
 * reports may give a figure for the same day; removing one of them leaves the others standing.
 */
class CumulativeSeries {

    private NavigableMap<LocalDate, Map<String, Point>> days = new TreeMap<>();

    /** One report's figure. */
    record Point(String reportId, WorldDate asOf, long value, Qualifier qualifier) {

        /** "At least" bounds a count from below only: a higher figure before it does not contradict it. */
        boolean boundsFromAbove() {
            return qualifier != Qualifier.AT_LEAST;
        }
    }

    void add(Point point) {
        days.computeIfAbsent(point.asOf().end(), day -> new LinkedHashMap<>()).put(point.reportId(), point);
    }

    void remove(String reportId, WorldDate asOf) {
        Map<String, Point> day = days.get(asOf.end());
        if (day != null) {
            day.remove(reportId);
            if (day.isEmpty()) {
                days.remove(asOf.end());
            }
        }
    }

    /** The highest figure of the nearest day at or before {@code asOf} that has one. */
    Optional<Point> highestBefore(WorldDate asOf) {
        var day = days.floorEntry(asOf.end());
        return day == null ? Optional.empty()
                : day.getValue().values().stream().max(Comparator.comparingLong(Point::value));
    }

    /** The lowest figure that bounds the count from above, on the nearest later day that has one. */
    Optional<Point> lowestAfter(WorldDate asOf) {
        for (Map<String, Point> day : days.tailMap(asOf.end(), false).values()) {
            Optional<Point> lowest = day.values().stream().filter(Point::boundsFromAbove)
                    .min(Comparator.comparingLong(Point::value));
            if (lowest.isPresent()) {
                return lowest;
            }
        }
        return Optional.empty();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CumulativeSeries series && days.equals(series.days);
    }

    @Override
    public int hashCode() {
        return days.hashCode();
    }
}
