package io.warnews.query.conflicts;

import com.fasterxml.jackson.core.type.TypeReference;
import io.warnews.events.Party;
import io.warnews.query.processing.JsonColumns;
import io.warnews.query.web.BadParameter;
import io.warnews.query.web.NotFound;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/** Looks conflicts up for every read model: an unknown conflict is a 404, an unknown side a 400. */
@Component
public class Conflicts {

    private static final TypeReference<List<Party>> PARTIES = new TypeReference<>() {
    };

    private final NamedParameterJdbcTemplate jdbc;

    Conflicts(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Conflict> find(String conflictId) {
        return jdbc.query("""
                SELECT conflict_id, name, parties::text AS parties, start_date
                FROM read_model.conflict WHERE conflict_id = :id
                """, Map.of("id", conflictId), (rs, i) -> new Conflict(
                rs.getString("conflict_id"),
                rs.getString("name"),
                JsonColumns.read(rs.getString("parties"), PARTIES),
                rs.getObject("start_date", java.time.LocalDate.class))).stream().findFirst();
    }

    public Conflict require(String conflictId) {
        return find(conflictId).orElseThrow(() -> new NotFound("conflict", conflictId));
    }

    /** The side named by a parameter, which must be a party to the conflict. */
    public static Optional<String> side(Conflict conflict, String parameter, String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String side = text.trim();
        if (!conflict.hasParty(side)) {
            throw new BadParameter(parameter,
                    "'" + text + "' is not a party to " + conflict.id() + " " + conflict.partyCodes());
        }
        return Optional.of(side);
    }
}
