package io.warnews.query.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.warnews.query.processing.ReadModel;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which statements a rebuild's replay sends to the copies: the read model's own tables and its positions, nothing else. */
class SideBySideTest {

    private final SideBySide talks = new SideBySide(null, new ReadModel("talks", List.of("talks", "talks_round"),
            (jdbc, positions) -> null));

    @Test
    void theReadModelsTablesAndItsPositionsGoToTheCopies() {
        assertThat(talks.redirect("INSERT INTO read_model.talks (talks_id) VALUES (?)"))
                .isEqualTo("INSERT INTO read_model_rebuild_talks.talks (talks_id) VALUES (?)");
        assertThat(talks.redirect("SELECT * FROM read_model.talks_round r JOIN read_model.talks t USING (talks_id)"))
                .isEqualTo("SELECT * FROM read_model_rebuild_talks.talks_round r"
                        + " JOIN read_model_rebuild_talks.talks t USING (talks_id)");
        assertThat(talks.redirect("UPDATE read_model.stream_position SET version = ?"))
                .isEqualTo("UPDATE read_model_rebuild_talks.stream_position SET version = ?");
    }

    @Test
    void anotherTableWhoseNameBeginsLikeOneOfItsOwnStaysLive() {
        assertThat(talks.redirect("SELECT * FROM read_model.talks_version WHERE talks_id = ?"))
                .isEqualTo("SELECT * FROM read_model.talks_version WHERE talks_id = ?");
        assertThat(talks.redirect("SELECT * FROM read_model.conflict")).isEqualTo("SELECT * FROM read_model.conflict");
    }

    @Test
    void theSchemasAreNamedAfterTheGroup() {
        assertThat(SideBySide.rebuildSchema("losses")).isEqualTo("read_model_rebuild_losses");
        assertThat(SideBySide.beforeSchema("losses")).isEqualTo("read_model_before_losses");
        assertThatThrownBy(() -> SideBySide.rebuildSchema("losses; DROP SCHEMA read_model"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
