package io.warnews.query.processing;

import static org.assertj.core.api.Assertions.assertThat;

import io.warnews.query.QueryServiceTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.axonframework.config.EventProcessingConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Every read model is declared once, and the declarations are complete: each processing group has
 * one, each declared table exists, and every table of schema {@code read_model} belongs to exactly
 * one read model or to the processing's own bookkeeping. A table added to a projection but not to
 * its declaration would be left out of rebuilds, checksums and resets: this test names it.
 */
@QueryServiceTest
class ReadModelsTest {

    private static final Set<String> BOOKKEEPING = Set.of("token_entry", "stream_position", "dead_letter_entry",
            "rebuild", "processing_node", "flyway_schema_history");

    @Autowired
    ReadModels readModels;
    @Autowired
    EventProcessingConfiguration processing;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void everyProcessingGroupDeclaresItsReadModel() {
        assertThat(readModels.all()).extracting(ReadModel::name)
                .containsExactlyInAnyOrderElementsOf(processing.eventProcessors().keySet())
                .containsExactlyInAnyOrder(ProcessingGroups.CONFLICTS, ProcessingGroups.LOSSES, ProcessingGroups.ATTACKS,
                        ProcessingGroups.TALKS, ProcessingGroups.TIMELINE);
    }

    @Test
    void everyTableOfTheSchemaBelongsToOneReadModelOrToTheProcessing() {
        Set<String> existing = new TreeSet<>(jdbc.queryForList(
                "SELECT table_name FROM information_schema.tables WHERE table_schema = 'read_model'", String.class));
        List<String> declared = new ArrayList<>();
        readModels.all().forEach(model -> declared.addAll(model.tables()));

        assertThat(declared).as("a table in two read models").doesNotHaveDuplicates();
        assertThat(existing).as("declared tables").containsAll(declared);
        Set<String> undeclared = new TreeSet<>(existing);
        declared.forEach(undeclared::remove);
        BOOKKEEPING.forEach(undeclared::remove);
        assertThat(undeclared).as("tables no read model declares").isEmpty();
        assertThat(readModels.tablesOf(ProcessingGroups.LOSSES)).containsExactly("loss_report", "loss_figure",
                "loss_anomaly");
        assertThat(readModels.tablesOf("no-such-group")).isEmpty();
    }

    /**
     * A read model's rows are written by its projection alone and emptied all together, so the
     * schema holds no foreign key: each would cost a lookup and a row lock per inserted row (a
     * third of PostgreSQL's work in a replay of the losses), and a rebuild's TRUNCATE of one read
     * model must not depend on another's tables.
     */
    @Test
    void noTableOfTheSchemaHasAForeignKey() {
        assertThat(jdbc.queryForList("""
                SELECT conrelid::regclass::text || ' ' || conname FROM pg_constraint
                WHERE contype = 'f' AND connamespace = 'read_model'::regnamespace
                """, String.class)).as("foreign keys in schema read_model").isEmpty();
    }
}
