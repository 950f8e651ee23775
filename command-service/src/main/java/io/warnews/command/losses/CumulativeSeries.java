package io.warnews.command.losses;

import io.warnews.events.WorldDate;

import java.time.LocalDate;
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

    /** One report's figure: the least and the most the count can be by its words (null: unbounded). */
    record Point(String reportId, WorldDate asOf, Long floor, Long ceiling) {
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

    /** The highest floor of the nearest day at or before {@code asOf} that has one, other reports than {@code except}. */
    Optional<Point> highestFloorUpTo(WorldDate asOf, String except) {
        for (Map<String, Point> day : days.headMap(asOf.end(), true).descendingMap().values()) {
            Point highest = null;
            for (Point point : day.values()) {
                if (!point.reportId().equals(except) && point.floor() != null
                        && (highest == null || point.floor() > highest.floor())) {
                    highest = point;
                }
            }
            if (highest != null) {
                return Optional.of(highest);
            }
        }
        return Optional.empty();
    }

    /** The lowest ceiling on the nearest later day that has one, other reports than {@code except}. */
    Optional<Point> lowestCeilingAfter(WorldDate asOf, String except) {
        for (Map<String, Point> day : days.tailMap(asOf.end(), false).values()) {
            Point lowest = null;
            for (Point point : day.values()) {
                if (!point.reportId().equals(except) && point.ceiling() != null
                        && (lowest == null || point.ceiling() < lowest.ceiling())) {
                    lowest = point;
                }
            }
            if (lowest != null) {
                return Optional.of(lowest);
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
