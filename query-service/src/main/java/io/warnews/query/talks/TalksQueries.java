package io.warnews.query.talks;

import com.fasterxml.jackson.core.type.TypeReference;
import io.warnews.events.Source;
import io.warnews.events.TermType;
import io.warnews.query.processing.JsonColumns;
import io.warnews.query.talks.TalksView.PrisonerExchange;
import io.warnews.query.talks.TalksView.Proposal;
import io.warnews.query.talks.TalksView.Response;
import io.warnews.query.talks.TalksView.Round;
import io.warnews.query.talks.TalksView.TermStatus;
import io.warnews.query.talks.TalksView.TermView;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/** Reads talks back whole: rows of the talks tables assembled into {@link TalksView}. */
@Component
class TalksQueries {

    private static final TypeReference<List<String>> CODES = new TypeReference<>() {
    };
    private static final TypeReference<TreeMap<String, String>> PARAMETERS = new TypeReference<>() {
    };
    private static final TypeReference<TreeMap<String, Integer>> COUNTS = new TypeReference<>() {
    };

    private final NamedParameterJdbcTemplate jdbc;

    TalksQueries(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    List<TalksView> ofConflict(String conflictId) {
        return jdbc.queryForList("""
                SELECT talks_id FROM read_model.talks WHERE conflict_id = :conflict ORDER BY opened_on, talks_id
                """, Map.of("conflict", conflictId), String.class)
                .stream().map(this::find).flatMap(Optional::stream).toList();
    }

    Optional<TalksView> find(String talksId) {
        Map<String, String> key = Map.of("talks", talksId);
        List<Map<String, Object>> rows = jdbc.queryForList("""
                SELECT conflict_id, title, status, parties::text AS parties, mediators::text AS mediators, venue,
                       opened_on, last_activity, source::text AS source
                FROM read_model.talks WHERE talks_id = :talks
                """, key);
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Object> talks = rows.get(0);
        List<String> parties = JsonColumns.read((String) talks.get("parties"), CODES);
        List<Proposal> proposals = proposals(talksId, parties);
        List<TermView> terms = proposals.stream().flatMap(proposal -> proposal.terms().stream()).toList();
        int open = (int) terms.stream().filter(term -> term.status() == TermStatus.OPEN).count();
        return Optional.of(new TalksView(
                talksId,
                (String) talks.get("conflict_id"),
                (String) talks.get("title"),
                TalksStatus.valueOf((String) talks.get("status")),
                parties,
                JsonColumns.read((String) talks.get("mediators"), CODES),
                (String) talks.get("venue"),
                date(talks.get("opened_on")),
                rounds(talksId),
                proposals,
                open,
                terms.size() - open,
                exchanges(talksId),
                date(talks.get("last_activity")),
                JsonColumns.read((String) talks.get("source"), Source.class)));
    }

    private List<Round> rounds(String talksId) {
        return jdbc.query("""
                SELECT round, date, venue, summary, source::text AS source
                FROM read_model.talks_round WHERE talks_id = :talks ORDER BY round
                """, Map.of("talks", talksId), (rs, i) -> new Round(rs.getInt("round"),
                rs.getObject("date", LocalDate.class), rs.getString("venue"), rs.getString("summary"),
                JsonColumns.read(rs.getString("source"), Source.class)));
    }

    private List<Proposal> proposals(String talksId, List<String> parties) {
        Map<String, String> key = Map.of("talks", talksId);
        List<ResponseRow> responses = jdbc.query("""
                SELECT proposal_id, term_id, party, response, date, reason, source::text AS source
                FROM read_model.talks_response WHERE talks_id = :talks ORDER BY party
                """, key, (rs, i) -> new ResponseRow(rs.getString("proposal_id"), rs.getString("term_id"),
                new Response(rs.getString("party"), rs.getString("response"),
                        rs.getObject("date", LocalDate.class), rs.getString("reason"),
                        JsonColumns.read(rs.getString("source"), Source.class))));
        List<TermRow> terms = jdbc.query("""
                SELECT proposal_id, term_id, type, text, parameters::text AS parameters
                FROM read_model.talks_term WHERE talks_id = :talks ORDER BY proposal_id, position
                """, key, (rs, i) -> new TermRow(rs.getString("proposal_id"), rs.getString("term_id"),
                TermType.valueOf(rs.getString("type")), rs.getString("text"),
                JsonColumns.read(rs.getString("parameters"), PARAMETERS)));
        return jdbc.query("""
                SELECT proposal_id, proposer, date, source::text AS source FROM read_model.talks_proposal
                WHERE talks_id = :talks ORDER BY version, proposal_id
                """, key, (rs, i) -> {
            String proposalId = rs.getString("proposal_id");
            String proposer = rs.getString("proposer");
            List<String> responders = parties.stream().filter(party -> !party.equals(proposer)).toList();
            return new Proposal(proposalId, proposer, rs.getObject("date", LocalDate.class), terms.stream()
                    .filter(term -> term.proposalId().equals(proposalId))
                    .map(term -> term.view(responses.stream()
                            .filter(r -> r.proposalId().equals(proposalId) && r.termId().equals(term.termId()))
                            .map(ResponseRow::response).toList(), responders))
                    .toList(), JsonColumns.read(rs.getString("source"), Source.class));
        });
    }

    private List<PrisonerExchange> exchanges(String talksId) {
        return jdbc.query("""
                SELECT date, prisoners_released::text AS prisoners, bodies_returned::text AS bodies, description,
                       source::text AS source
                FROM read_model.talks_exchange WHERE talks_id = :talks ORDER BY version
                """, Map.of("talks", talksId), (rs, i) -> new PrisonerExchange(
                rs.getObject("date", LocalDate.class),
                JsonColumns.read(rs.getString("prisoners"), COUNTS),
                JsonColumns.read(rs.getString("bodies"), COUNTS),
                rs.getString("description"),
                JsonColumns.read(rs.getString("source"), Source.class)));
    }

    private static LocalDate date(Object value) {
        return value == null ? null : ((java.sql.Date) value).toLocalDate();
    }

    private record ResponseRow(String proposalId, String termId, Response response) {
    }

    private record TermRow(String proposalId, String termId, TermType type, String text,
                           TreeMap<String, String> parameters) {

        TermView view(List<Response> responses, List<String> responders) {
            TermStatus status;
            if (responses.stream().anyMatch(r -> r.response().equals("REJECTED"))) {
                status = TermStatus.REJECTED;
            } else if (!responders.isEmpty() && responders.stream().allMatch(party -> responses.stream()
                    .anyMatch(r -> r.party().equals(party) && r.response().equals("ACCEPTED")))) {
                status = TermStatus.ACCEPTED;
            } else {
                status = TermStatus.OPEN;
            }
            return new TermView(termId, type, text, parameters, responses, status);
        }
    }
}
