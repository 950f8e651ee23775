package io.warnews.query.processing;

import static org.assertj.core.api.Assertions.assertThat;

import io.warnews.query.QueryServiceTest;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PGobject;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Many new rows go with {@code COPY}, a few with a multi-row {@code INSERT}: both must store exactly
 * the same values, whatever the text holds (tabs, newlines, backslashes, quotes, letters of any
 * script, JSON with escapes), nulls, dates and instants to the microsecond.
 */
@QueryServiceTest
class RowsTest {

    private static final List<String> COLUMNS = List.of("id", "label", "amount", "flag", "day", "at", "doc");

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void copiedRowsEqualInsertedOnes() throws SQLException {
        List<Object[]> rows = new ArrayList<>();
        String[] labels = {"plain", "tab\there", "new\nline", "carriage\rreturn", "back\\slash", "\\N", "quote ' \"",
                "Міністерство оборони", "", "trailing\\", "  spaced  "};
        for (int i = 0; i < Rows.COPY_FROM * 2; i++) {
            PGobject doc = new PGobject();
            doc.setType("jsonb");
            doc.setValue("{\"outlet\":\"" + labels[i % labels.length].replace("\\", "\\\\").replace("\"", "\\\"")
                    .replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t") + "\",\"n\":" + i + "}");
            rows.add(new Object[] {"row-" + i, i % 7 == 0 ? null : labels[i % labels.length], (long) i * 1_000_003,
                    i % 3 == 0 ? null : i % 2 == 0, LocalDate.of(2022, 2, 24).plusDays(i),
                    OffsetDateTime.of(2025, 6, 12, 10, 30, 0, (i % 5) * 123_456_000, ZoneOffset.UTC),
                    i % 11 == 0 ? null : doc});
        }
        assertThat(Rows.copyText(COLUMNS, rows)).as("these rows go with COPY").isNotNull();

        List<String> copied = new TransactionTemplate(transactions).execute(status -> {
            status.setRollbackOnly();
            jdbc.execute("CREATE TABLE read_model.rows_copied (id TEXT PRIMARY KEY, label TEXT, amount BIGINT,"
                    + " flag BOOLEAN, day DATE, at TIMESTAMPTZ, doc JSONB)");
            jdbc.execute("CREATE TABLE read_model.rows_inserted (LIKE read_model.rows_copied)");
            Rows.insert(jdbc, "rows_copied", COLUMNS, rows, "");
            for (Object[] row : rows) {
                Rows.insert(jdbc, "rows_inserted", COLUMNS, List.<Object[]>of(row), "");
            }
            List<String> difference = jdbc.queryForList("""
                    (SELECT 'copied only: ' || t::text FROM read_model.rows_copied t
                     EXCEPT ALL SELECT 'copied only: ' || t::text FROM read_model.rows_inserted t)
                    UNION ALL
                    (SELECT 'inserted only: ' || t::text FROM read_model.rows_inserted t
                     EXCEPT ALL SELECT 'inserted only: ' || t::text FROM read_model.rows_copied t)
                    """, String.class);
            assertThat(jdbc.queryForObject("SELECT count(*) FROM read_model.rows_copied", Long.class))
                    .isEqualTo(rows.size());
            assertThat(jdbc.queryForObject("SELECT label FROM read_model.rows_copied WHERE id = 'row-1'",
                    String.class)).isEqualTo("tab\there");
            assertThat(jdbc.queryForObject("SELECT doc->>'outlet' FROM read_model.rows_copied WHERE id = 'row-4'",
                    String.class)).isEqualTo("back\\slash");
            return difference;
        });
        assertThat(copied).isEmpty();
    }

    /**
     * The driver sends a copy's text in pieces: a character outside the Basic Multilingual Plane (two
     * UTF-16 units) that falls across two pieces must arrive whole.
     */
    @Test
    void charactersOutsideTheBasicPlaneArriveWhole() {
        String faces = "\uD83D\uDE00".repeat(40_000);
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < Rows.COPY_FROM; i++) {
            rows.add(new Object[] {"row-" + i, "x".repeat(i % 2) + faces});
        }
        List<String> stored = new TransactionTemplate(transactions).execute(status -> {
            status.setRollbackOnly();
            jdbc.execute("CREATE TABLE read_model.rows_faces (id TEXT PRIMARY KEY, label TEXT)");
            Rows.insert(jdbc, "rows_faces", List.of("id", "label"), rows, "");
            return jdbc.queryForList("SELECT label FROM read_model.rows_faces ORDER BY id", String.class);
        });
        assertThat(stored).hasSize(rows.size()).allSatisfy(label -> assertThat(label).endsWith(faces)
                .doesNotContain("?").hasSizeBetween(faces.length(), faces.length() + 1));
    }

    @Test
    void aValueOfAnotherKindGoesAsAParameter() {
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < Rows.COPY_FROM; i++) {
            rows.add(new Object[] {"row-" + i, OffsetDateTime.of(2025, 6, 12, 10, 30, 0, 1, ZoneOffset.UTC)});
        }
        assertThat(Rows.copyText(List.of("id", "at"), rows)).as("a nanosecond PostgreSQL would round").isNull();
        assertThat(Rows.copyText(List.of("id", "at"), List.<Object[]>of(new Object[] {"x", 1.5d}))).isNull();
    }
}
