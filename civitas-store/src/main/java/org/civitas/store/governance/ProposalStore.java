package org.civitas.store.governance;

import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import org.civitas.governance.Ballot;
import org.civitas.governance.Choice;
import org.civitas.governance.Comment;
import org.civitas.governance.Proposal;
import org.civitas.governance.ProposalDraft;
import org.civitas.governance.ProposalState;
import org.civitas.governance.ProposedChange;
import org.civitas.governance.Proposals;
import org.civitas.governance.Scenario;
import org.civitas.governance.Tally;
import org.civitas.governance.Voting;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.Query;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/** Proposals, their supports and comments, and their votes: who may vote, who voted (sealed), and the ballots. */
public final class ProposalStore implements Proposals {

    private static final String SELECT = "SELECT p.*, (SELECT COUNT(*) FROM proposal_supports s"
            + " WHERE s.proposal = p.id) AS supports FROM proposals p";
    /** The SQL state both H2 and PostgreSQL give a second row with the same key. */
    private static final String UNIQUE_VIOLATION = "23505";

    private final Jdbi jdbi;

    public ProposalStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public void create(Proposal proposal) {
        ProposalDraft draft = proposal.draft();
        jdbi.useTransaction(handle -> {
            handle.createUpdate("INSERT INTO proposals (id, jurisdiction, author, title, rationale, change_kind,"
                            + " rule_id, rule_text, amnesty, state, submitted_at, debate_ends_at, supports_needed)"
                            + " VALUES (:id, :jurisdiction, :author, :title, :rationale, :kind, :ruleId, :ruleText,"
                            + " :amnesty, :state, :submittedAt, :debateEndsAt, :supportsNeeded)")
                    .bind("id", proposal.id())
                    .bind("jurisdiction", draft.jurisdiction())
                    .bind("author", proposal.author())
                    .bind("title", draft.title())
                    .bind("rationale", draft.rationale())
                    .bind("kind", draft.change().kind().id())
                    .bind("ruleId", draft.change().ruleId())
                    .bind("ruleText", draft.change().rule().orElse(null))
                    .bind("amnesty", draft.amnesty())
                    .bind("state", proposal.state().id())
                    .bind("submittedAt", proposal.submittedAt())
                    .bind("debateEndsAt", proposal.debateEndsAt())
                    .bind("supportsNeeded", proposal.supportsNeeded())
                    .execute();
            var scenarios = handle.prepareBatch("INSERT INTO proposal_scenarios (proposal, position, event, points)"
                    + " VALUES (:proposal, :position, :event, :points)");
            for (int i = 0; i < draft.scenarios().size(); i++) {
                Scenario scenario = draft.scenarios().get(i);
                scenarios.bind("proposal", proposal.id()).bind("position", i).bind("event", scenario.event())
                        .bind("points", scenario.points()).add();
            }
            if (!draft.scenarios().isEmpty()) {
                scenarios.execute();
            }
        });
    }

    @Override
    public Optional<Proposal> find(String id) {
        return jdbi.withHandle(handle -> read(handle, handle.createQuery(SELECT + " WHERE p.id = :id").bind("id", id))
                .stream().findFirst());
    }

    @Override
    public List<Proposal> list(Collection<String> jurisdictions, Optional<ProposalState> state) {
        List<String> where = new ArrayList<>();
        if (!jurisdictions.isEmpty()) {
            where.add("p.jurisdiction IN (<jurisdictions>)");
        }
        state.ifPresent(wanted -> where.add("p.state = :state"));
        String sql = SELECT + (where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where))
                + " ORDER BY p.submitted_at DESC, p.id";
        return jdbi.withHandle(handle -> {
            Query query = handle.createQuery(sql);
            if (!jurisdictions.isEmpty()) {
                query.bindList("jurisdictions", List.copyOf(jurisdictions));
            }
            state.ifPresent(wanted -> query.bind("state", wanted.id()));
            return read(handle, query);
        });
    }

    @Override
    public List<Proposal> due(ProposalState state, Instant at) {
        String ends = switch (state) {
            case OPEN -> "p.debate_ends_at";
            case VOTING -> "p.voting_closes_at";
            default -> throw new IllegalArgumentException("only open debates and votes fall due, not " + state);
        };
        return jdbi.withHandle(handle -> read(handle, handle.createQuery(SELECT + " WHERE p.state = :state AND "
                + ends + " <= :at ORDER BY " + ends + ", p.id").bind("state", state.id()).bind("at", at)));
    }

    @Override
    public boolean support(String proposal, String person, Instant at) {
        try {
            return jdbi.withHandle(handle -> handle.createUpdate("INSERT INTO proposal_supports"
                            + " (proposal, person, supported_at) SELECT :proposal, :person, :at"
                            + " WHERE NOT EXISTS (SELECT 1 FROM proposal_supports"
                            + " WHERE proposal = :proposal AND person = :person)")
                    .bind("proposal", proposal).bind("person", person).bind("at", at)
                    .execute()) == 1;
        } catch (UnableToExecuteStatementException e) {
            if (e.getCause() instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                return false;
            }
            throw e;
        }
    }

    @Override
    public boolean supports(String proposal, String person) {
        return hasRow("proposal_supports", proposal, person);
    }

    @Override
    public void comment(Comment comment) {
        jdbi.useHandle(handle -> handle.createUpdate("INSERT INTO proposal_comments"
                        + " (id, proposal, author, body, written_at) VALUES (:id, :proposal, :author, :body, :at)")
                .bind("id", comment.id()).bind("proposal", comment.proposal()).bind("author", comment.author())
                .bind("body", comment.body()).bind("at", comment.writtenAt())
                .execute());
    }

    @Override
    public List<Comment> comments(String proposal) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT * FROM proposal_comments"
                        + " WHERE proposal = :proposal ORDER BY written_at, id")
                .bind("proposal", proposal)
                .map((rows, context) -> new Comment(rows.getString("id"), rows.getString("proposal"),
                        rows.getString("author"), rows.getString("body"),
                        rows.getTimestamp("written_at").toInstant()))
                .list());
    }

    @Override
    public boolean move(String proposal, ProposalState from, ProposalState to, Instant at) {
        return jdbi.withHandle(handle -> handle.createUpdate("UPDATE proposals SET state = :to, closed_at = :at"
                        + " WHERE id = :id AND state = :from")
                .bind("to", to.id()).bind("at", to.isFinal() ? at : null).bind("id", proposal).bind("from", from.id())
                .execute()) == 1;
    }

    @Override
    public boolean openVoting(String proposal, Voting voting, SortedSet<String> eligible) {
        return jdbi.inTransaction(handle -> {
            int opened = handle.createUpdate("UPDATE proposals SET state = 'voting', voting_opened_at = :openedAt,"
                            + " voting_closes_at = :closesAt, eligible = :eligible, eligible_hash = :eligibleHash,"
                            + " book_hash = :bookHash WHERE id = :id AND state = 'open'")
                    .bind("openedAt", voting.openedAt()).bind("closesAt", voting.closesAt())
                    .bind("eligible", voting.eligible()).bind("eligibleHash", voting.eligibleHash())
                    .bind("bookHash", voting.bookHash()).bind("id", proposal)
                    .execute();
            if (opened == 0) {
                return false;
            }
            var insert = handle.prepareBatch("INSERT INTO proposal_eligible (proposal, person)"
                    + " VALUES (:proposal, :person)");
            eligible.forEach(person -> insert.bind("proposal", proposal).bind("person", person).add());
            if (!eligible.isEmpty()) {
                insert.execute();
            }
            return true;
        });
    }

    @Override
    public boolean eligible(String proposal, String person) {
        return hasRow("proposal_eligible", proposal, person);
    }

    /** Whether {@code table} has a row of {@code person} for {@code proposal}. */
    private boolean hasRow(String table, String proposal, String person) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT COUNT(*) FROM " + table
                        + " WHERE proposal = :proposal AND person = :person")
                .bind("proposal", proposal).bind("person", person).mapTo(Long.class).one()) > 0;
    }

    @Override
    public Optional<String> sealedTracker(String proposal, String person) {
        return jdbi.withHandle(handle -> sealedTracker(handle, proposal, person));
    }

    private static Optional<String> sealedTracker(Handle handle, String proposal, String person) {
        return handle.createQuery("SELECT sealed_tracker FROM proposal_voters"
                        + " WHERE proposal = :proposal AND person = :person")
                .bind("proposal", proposal).bind("person", person).mapTo(String.class).findOne();
    }

    @Override
    public boolean cast(String proposal, String person, String sealedTracker, Ballot ballot,
            Optional<Replaced> replaced) {
        return jdbi.inTransaction(handle -> {
            // One voter's ballots are cast one at a time: the row that lets them vote is locked until this one is in.
            handle.createQuery("SELECT person FROM proposal_eligible WHERE proposal = :proposal AND person = :person"
                            + " FOR UPDATE")
                    .bind("proposal", proposal).bind("person", person).mapTo(String.class).findOne();
            if (!sealedTracker(handle, proposal, person).equals(replaced.map(Replaced::sealedTracker))) {
                return false;
            }
            if (replaced.isPresent()) {
                handle.createUpdate("DELETE FROM proposal_ballots WHERE proposal = :proposal AND tracker = :tracker")
                        .bind("proposal", proposal).bind("tracker", replaced.get().tracker()).execute();
                handle.createUpdate("DELETE FROM proposal_voters WHERE proposal = :proposal AND person = :person")
                        .bind("proposal", proposal).bind("person", person).execute();
            }
            handle.createUpdate("INSERT INTO proposal_voters (proposal, person, sealed_tracker)"
                            + " VALUES (:proposal, :person, :sealed)")
                    .bind("proposal", proposal).bind("person", person).bind("sealed", sealedTracker).execute();
            handle.createUpdate("INSERT INTO proposal_ballots (proposal, tracker, choice)"
                            + " VALUES (:proposal, :tracker, :choice)")
                    .bind("proposal", proposal).bind("tracker", ballot.tracker()).bind("choice", ballot.choice().id())
                    .execute();
            return true;
        });
    }

    @Override
    public List<Ballot> ballots(String proposal) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT tracker, choice FROM proposal_ballots"
                        + " WHERE proposal = :proposal ORDER BY tracker")
                .bind("proposal", proposal)
                .map((rows, context) -> new Ballot(rows.getString("tracker"), Choice.of(rows.getString("choice"))))
                .list());
    }

    @Override
    public boolean close(String proposal, Tally tally, ProposalState result, Instant at) {
        return jdbi.withHandle(handle -> handle.createUpdate("UPDATE proposals SET state = :result,"
                        + " yes_votes = :yes, no_votes = :no, abstentions = :abstain, quorum_met = :quorumMet,"
                        + " closed_at = :at WHERE id = :id AND state = 'voting'")
                .bind("result", result.id()).bind("yes", tally.yes()).bind("no", tally.no())
                .bind("abstain", tally.abstain()).bind("quorumMet", tally.quorumMet()).bind("at", at)
                .bind("id", proposal)
                .execute()) == 1;
    }

    /** The proposals a query selects, each with its scenarios. */
    private static List<Proposal> read(Handle handle, Query query) {
        List<Row> rows = query.map(ROW).list();
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<String, List<Scenario>> scenarios = new HashMap<>();
        handle.createQuery("SELECT proposal, event, points FROM proposal_scenarios WHERE proposal IN (<ids>)"
                        + " ORDER BY proposal, position")
                .bindList("ids", rows.stream().map(row -> row.id).toList())
                .map((result, context) -> Map.entry(result.getString("proposal"),
                        new Scenario(result.getString("event"), result.getLong("points"))))
                .forEach(entry -> scenarios.computeIfAbsent(entry.getKey(), id -> new ArrayList<>())
                        .add(entry.getValue()));
        return rows.stream().map(row -> row.proposal(scenarios.getOrDefault(row.id, List.of()))).toList();
    }

    /** A proposal as its row holds it, before its scenarios are read. */
    private record Row(String id, String author, String jurisdiction, String title, String rationale,
            ProposedChange change, boolean amnesty, ProposalState state, Instant submittedAt, Instant debateEndsAt,
            long supportsNeeded, long supports, Optional<Voting> voting, Optional<Tally> tally) {

        Proposal proposal(List<Scenario> scenarios) {
            return new Proposal(id, author, new ProposalDraft(jurisdiction, title, rationale, change, amnesty,
                    scenarios), state, submittedAt, debateEndsAt, supportsNeeded, supports, voting, tally);
        }
    }

    private static final RowMapper<Row> ROW = (rows, context) -> {
        ProposalState state = ProposalState.of(rows.getString("state"));
        Optional<Voting> voting = Optional.empty();
        Timestamp opened = rows.getTimestamp("voting_opened_at");
        if (opened != null) {
            voting = Optional.of(new Voting(opened.toInstant(), instant(rows.getTimestamp("voting_closes_at")),
                    rows.getLong("eligible"), rows.getString("eligible_hash"), rows.getString("book_hash")));
        }
        Optional<Tally> tally = Optional.empty();
        if (rows.getObject("yes_votes") != null) {
            tally = Optional.of(new Tally(rows.getLong("yes_votes"), rows.getLong("no_votes"),
                    rows.getLong("abstentions"), rows.getLong("eligible"), rows.getBoolean("quorum_met"),
                    state == ProposalState.ADOPTED || state == ProposalState.LAPSED));
        }
        return new Row(rows.getString("id"), rows.getString("author"), rows.getString("jurisdiction"),
                rows.getString("title"), rows.getString("rationale"),
                new ProposedChange(ProposedChange.Kind.of(rows.getString("change_kind")), rows.getString("rule_id"),
                        Optional.ofNullable(rows.getString("rule_text"))),
                rows.getBoolean("amnesty"), state, instant(rows.getTimestamp("submitted_at")),
                instant(rows.getTimestamp("debate_ends_at")), rows.getLong("supports_needed"),
                rows.getLong("supports"), voting, tally);
    };

    private static Instant instant(Timestamp timestamp) {
        return timestamp.toInstant();
    }
}
