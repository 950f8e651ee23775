package io.warnews.events;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WorldDateTest {

    @Test
    void aMonthCoversItsWholeMonth() {
        WorldDate february = WorldDate.parse("2025-02");
        assertThat(february.precision()).isEqualTo(Precision.MONTH);
        assertThat(february.start()).isEqualTo(LocalDate.of(2025, 2, 1));
        assertThat(february.end()).isEqualTo(LocalDate.of(2025, 2, 28));
        assertThat(february).hasToString("2025-02");
    }

    @Test
    void aYearAndADayReadBackAsWritten() {
        assertThat(WorldDate.parse("2024").end()).isEqualTo(LocalDate.of(2024, 12, 31));
        assertThat(WorldDate.parse("2025-06-12")).isEqualTo(WorldDate.day(LocalDate.of(2025, 6, 12)));
    }

    @Test
    void aMonthSortsAfterTheDaysInIt() {
        assertThat(WorldDate.parse("2025-02")).isGreaterThan(WorldDate.parse("2025-02-27"));
        assertThat(WorldDate.parse("2025-02")).isLessThan(WorldDate.parse("2025-03-01"));
    }

    @Test
    void impossibleDatesAreRefusedWithTheReason() {
        assertThatThrownBy(() -> WorldDate.parse("2025-02-30")).hasMessageContaining("2025-02-30");
        assertThatThrownBy(() -> WorldDate.parse("12/06/2025")).hasMessageContaining("yyyy-MM-dd");
    }
}
