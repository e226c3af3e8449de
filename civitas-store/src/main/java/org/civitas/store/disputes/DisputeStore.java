package org.civitas.store.disputes;

import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.civitas.dispute.Decision;
import org.civitas.dispute.Dispute;
import org.civitas.dispute.DisputeState;
import org.civitas.dispute.Disputes;
import org.civitas.dispute.Outcome;
import org.civitas.dispute.SourceAnswer;
import org.civitas.dispute.SourceDisputes;
import org.civitas.event.EventKey;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.Query;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/** Disputes and each reviewer's decision about them. */
public final class DisputeStore implements Disputes {

    /** The SQL state both H2 and PostgreSQL give a second row with the same key. */
    private static final String UNIQUE_VIOLATION = "23505";

    private final Jdbi jdbi;

    public DisputeStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public void open(Dispute dispute) {
        jdbi.useHandle(handle -> handle.createUpdate("INSERT INTO disputes (id, person, source, event_id,"
                        + " event_type, occurred_at, jurisdiction, reason, evidence, state, opened_at, deadline)"
                        + " VALUES (:id, :person, :source, :eventId, :type, :occurredAt, :jurisdiction, :reason,"
                        + " :evidence, :state, :openedAt, :deadline)")
                .bind("id", dispute.id())
                .bind("person", dispute.person())
                .bind("source", dispute.event().source())
                .bind("eventId", dispute.event().id())
                .bind("type", dispute.type())
                .bind("occurredAt", dispute.occurredAt())
                .bind("jurisdiction", dispute.jurisdiction())
                .bind("reason", dispute.reason())
                .bind("evidence", dispute.evidence())
                .bind("state", dispute.state().id())
                .bind("openedAt", dispute.openedAt())
                .bind("deadline", dispute.deadline())
                .execute());
    }

    @Override
    public void forget(String id) {
        jdbi.useTransaction(handle -> {
            handle.createUpdate("DELETE FROM dispute_decisions WHERE dispute = :id").bind("id", id).execute();
            handle.createUpdate("DELETE FROM disputes WHERE id = :id").bind("id", id).execute();
        });
    }

    @Override
    public Optional<Dispute> find(String id) {
        return select("WHERE id = :id", query -> query.bind("id", id)).stream().findFirst();
    }

    @Override
    public List<Dispute> of(String person) {
        return select("WHERE person = :person ORDER BY opened_at DESC, id", query -> query.bind("person", person));
    }

    @Override
    public List<Dispute> about(String source) {
        return select("WHERE source = :source ORDER BY opened_at DESC, id", query -> query.bind("source", source));
    }

    @Override
    public List<Dispute> open() {
        return select("WHERE state = 'open' ORDER BY deadline, id", query -> { });
    }

    @Override
    public List<Dispute> due(Instant at) {
        return select("WHERE state = 'open' AND deadline <= :at ORDER BY deadline, id", query -> query.bind("at", at));
    }

    @Override
    public boolean addEvidence(String id, String evidence, Instant deadline) {
        return jdbi.withHandle(handle -> handle.createUpdate("UPDATE disputes SET evidence = :evidence,"
                        + " deadline = :deadline WHERE id = :id AND state = 'open'")
                .bind("evidence", evidence).bind("deadline", deadline).bind("id", id)
                .execute()) == 1;
    }

    @Override
    public boolean answer(String id, SourceAnswer answer) {
        return jdbi.withHandle(handle -> handle.createUpdate("UPDATE disputes SET answer = :answer,"
                        + " answered_at = :at WHERE id = :id AND answer IS NULL")
                .bind("answer", answer.text()).bind("at", answer.answeredAt()).bind("id", id)
                .execute()) == 1;
    }

    @Override
    public boolean decide(String id, Decision decision) {
        try {
            return jdbi.withHandle(handle -> handle.createUpdate("INSERT INTO dispute_decisions (dispute, reviewer,"
                            + " badge, outcome, reason, corrected, decided_at) SELECT :id, :reviewer, :badge,"
                            + " :outcome, :reason, :corrected, :at WHERE EXISTS (SELECT 1 FROM disputes"
                            + " WHERE id = :id AND state = 'open')")
                    .bind("id", id)
                    .bind("reviewer", decision.reviewer())
                    .bind("badge", decision.badge())
                    .bind("outcome", decision.outcome().id())
                    .bind("reason", decision.reason())
                    .bind("corrected", decision.corrected().orElse(null))
                    .bind("at", decision.decidedAt())
                    .execute()) == 1;
        } catch (UnableToExecuteStatementException e) {
            if (e.getCause() instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                return false;
            }
            throw e;
        }
    }

    @Override
    public List<SourceDisputes> countBySource() {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT source, COUNT(*) AS disputed,"
                        + " SUM(CASE WHEN state = 'removed' THEN 1 ELSE 0 END) AS removed FROM disputes"
                        + " GROUP BY source ORDER BY source")
                .map((rows, context) -> new SourceDisputes(rows.getString("source"), rows.getLong("disputed"),
                        rows.getLong("removed")))
                .list());
    }

    @Override
    public boolean reinstate(String id, SourceAnswer evidence) {
        return jdbi.withHandle(handle -> handle.createUpdate("UPDATE disputes SET state = 'reinstated',"
                        + " reinstatement = :evidence, reinstated_at = :at WHERE id = :id AND state = 'removed'")
                .bind("evidence", evidence.text()).bind("at", evidence.answeredAt()).bind("id", id)
                .execute()) == 1;
    }

    @Override
    public boolean resolve(String id, DisputeState state, Instant at) {
        return jdbi.withHandle(handle -> handle.createUpdate("UPDATE disputes SET state = :state, resolved_at = :at"
                        + " WHERE id = :id AND state = 'open'")
                .bind("state", state.id()).bind("at", at).bind("id", id)
                .execute()) == 1;
    }

    private interface Binding {
        void bind(Query query);
    }

    /** The disputes a condition selects, in its order, each with its decisions. */
    private List<Dispute> select(String condition, Binding binding) {
        return jdbi.withHandle(handle -> {
            Query query = handle.createQuery("SELECT * FROM disputes " + condition);
            binding.bind(query);
            List<Row> rows = query.map(ROW).list();
            return rows.stream().map(row -> row.dispute(decisions(handle, rows).getOrDefault(row.id, List.of())))
                    .toList();
        });
    }

    private static Map<String, List<Decision>> decisions(Handle handle, List<Row> rows) {
        Map<String, List<Decision>> decisions = new HashMap<>();
        if (rows.isEmpty()) {
            return decisions;
        }
        handle.createQuery("SELECT * FROM dispute_decisions WHERE dispute IN (<ids>) ORDER BY decided_at, reviewer")
                .bindList("ids", rows.stream().map(row -> row.id).toList())
                .map((result, context) -> Map.entry(result.getString("dispute"), new Decision(
                        result.getString("reviewer"), result.getString("badge"),
                        Outcome.of(result.getString("outcome")), result.getString("reason"),
                        Optional.ofNullable(result.getString("corrected")),
                        result.getTimestamp("decided_at").toInstant())))
                .forEach(entry -> decisions.computeIfAbsent(entry.getKey(), key -> new ArrayList<>())
                        .add(entry.getValue()));
        return decisions;
    }

    /** A dispute as its row holds it, before its decisions are read. */
    private record Row(String id, String person, EventKey event, String type, Instant occurredAt,
            String jurisdiction, String reason, String evidence, DisputeState state, Instant openedAt,
            Instant deadline, Optional<SourceAnswer> answer, Optional<Instant> resolvedAt,
            Optional<SourceAnswer> reinstatement) {

        Dispute dispute(List<Decision> decisions) {
            return new Dispute(id, person, event, type, occurredAt, jurisdiction, reason, evidence, state, openedAt,
                    deadline, answer, decisions, resolvedAt, reinstatement);
        }
    }

    private static final RowMapper<Row> ROW = (rows, context) -> {
        Timestamp answeredAt = rows.getTimestamp("answered_at");
        Timestamp resolvedAt = rows.getTimestamp("resolved_at");
        Timestamp reinstatedAt = rows.getTimestamp("reinstated_at");
        return new Row(rows.getString("id"), rows.getString("person"),
                new EventKey(rows.getString("source"), rows.getString("event_id")), rows.getString("event_type"),
                rows.getTimestamp("occurred_at").toInstant(), rows.getString("jurisdiction"),
                rows.getString("reason"), rows.getString("evidence"), DisputeState.of(rows.getString("state")),
                rows.getTimestamp("opened_at").toInstant(), rows.getTimestamp("deadline").toInstant(),
                answeredAt == null ? Optional.empty()
                        : Optional.of(new SourceAnswer(rows.getString("answer"), answeredAt.toInstant())),
                Optional.ofNullable(resolvedAt).map(Timestamp::toInstant),
                reinstatedAt == null ? Optional.empty()
                        : Optional.of(new SourceAnswer(rows.getString("reinstatement"), reinstatedAt.toInstant())));
    };
}
