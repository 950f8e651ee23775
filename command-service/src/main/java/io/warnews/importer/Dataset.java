package io.warnews.importer;


import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.Instant;
import java.util.List;

/**
 * The two datasets, each recorded as its own claimant's ledger (the ledger is per claimant, so the
 * second transcription of the same reports needs a name of its own):
 * <ul>
 * <li>{@code ua-mod}: claimant "Ministry of Defence of Ukraine", report ids {@code ua-mod-<date>},
 * source https://www.mil.gov.ua/ (the dataset gives no URL per day);</li>
 * <li>{@code orc}: claimant "Ministry of Defence of Ukraine (Orc Losses transcription)", report ids
 * {@code orc-<date>}, source the row's {@code sourceUri}.</li>
 * </ul>
 * The outlet is the Ministry in both; each report is taken as published at 07:00 Kyiv time on its
 * date. Each row is recorded as the file gives it, decreases included.
 */
enum Dataset {

    UA_MOD("ua-mod", "Ministry of Defence of Ukraine", "https://www.mil.gov.ua/") {
        @Override
        List<Day> days(DataFiles files) {
            return UaModLosses.read(files);
        }
    },
    ORC("orc", "Ministry of Defence of Ukraine (Orc Losses transcription)", "https://www.mil.gov.ua/") {
        @Override
        List<Day> days(DataFiles files) {
            return OrcLosses.read(files);
        }
    };

    static final String CONFLICT = "russia-ukraine";
    static final String SIDE = "RU";
    static final String OUTLET = "Ministry of Defence of Ukraine";
    private static final ZoneId KYIV = ZoneId.of("Europe/Kyiv");

    final String id;
    final String claimant;
    final String defaultUrl;

    Dataset(String id, String claimant, String defaultUrl) {
        this.id = id;
        this.claimant = claimant;
        this.defaultUrl = defaultUrl;
    }

    abstract List<Day> days(DataFiles files);

    String reportId(LocalDate date) {
        return id + "-" + date;
    }

    String url(Day day) {
        return day.sourceUrl() != null ? day.sourceUrl() : defaultUrl;
    }

    static Instant publishedAt(LocalDate date) {
        return date.atTime(LocalTime.of(7, 0)).atZone(KYIV).toInstant();
    }

    static Dataset byId(String id) {
        for (Dataset dataset : values()) {
            if (dataset.id.equals(id)) {
                return dataset;
            }
        }
        throw new IllegalArgumentException("unknown dataset '" + id + "' (ua-mod, orc or both)");
    }
}
