package io.warnews.events;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Objects;

/**
 * A date in the world the news is about, with the precision it is known to.
 * Written as {@code 2025-06-12} (day), {@code 2025-02} (month) or {@code 2025} (year);
 * {@link #start()} and {@link #end()} give the period it covers.
 */
public record WorldDate(LocalDate start, Precision precision) implements Comparable<WorldDate> {

    public WorldDate {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(precision, "precision");
        start = switch (precision) {
            case DAY -> start;
            case MONTH -> start.withDayOfMonth(1);
            case YEAR -> start.withDayOfYear(1);
        };
    }

    public static WorldDate day(LocalDate date) {
        return new WorldDate(date, Precision.DAY);
    }

    public static WorldDate month(int year, int month) {
        return new WorldDate(LocalDate.of(year, month, 1), Precision.MONTH);
    }

    /** Parses {@code yyyy-MM-dd}, {@code yyyy-MM} or {@code yyyy}; anything else is an {@link IllegalArgumentException}. */
    @JsonCreator
    public static WorldDate parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("a world date is required");
        }
        try {
            return switch (text.length()) {
                case 10 -> day(LocalDate.parse(text));
                case 7 -> new WorldDate(YearMonth.parse(text).atDay(1), Precision.MONTH);
                case 4 -> new WorldDate(LocalDate.of(Integer.parseInt(text), 1, 1), Precision.YEAR);
                default -> throw new IllegalArgumentException(invalid(text));
            };
        } catch (DateTimeParseException | NumberFormatException e) {
            throw new IllegalArgumentException(invalid(text), e);
        }
    }

    private static String invalid(String text) {
        return "'" + text + "' is not a date of the form yyyy-MM-dd, yyyy-MM or yyyy";
    }

    /** The last day of the period. */
    public LocalDate end() {
        return switch (precision) {
            case DAY -> start;
            case MONTH -> start.withDayOfMonth(start.lengthOfMonth());
            case YEAR -> start.withDayOfYear(start.lengthOfYear());
        };
    }

    @JsonValue
    @Override
    public String toString() {
        return switch (precision) {
            case DAY -> start.toString();
            case MONTH -> YearMonth.from(start).toString();
            case YEAR -> String.valueOf(start.getYear());
        };
    }

    /** Orders by the end of the period, so "February 2025" comes after "2025-02-10": it may mean the 28th. */
    @Override
    public int compareTo(WorldDate other) {
        int byEnd = end().compareTo(other.end());
        return byEnd != 0 ? byEnd : start.compareTo(other.start);
    }
}
