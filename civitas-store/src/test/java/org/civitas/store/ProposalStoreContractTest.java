package org.civitas.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.civitas.governance.Ballot;
import org.civitas.governance.Choice;
import org.civitas.governance.Comment;
import org.civitas.governance.Impact;
import org.civitas.governance.ImpactArchive;
import org.civitas.governance.PersonalImpact;
import org.civitas.governance.Proposal;
import org.civitas.governance.ProposalDraft;
import org.civitas.governance.ProposalState;
import org.civitas.governance.ProposedChange;
import org.civitas.governance.Proposals;
import org.civitas.governance.Scenario;
import org.civitas.governance.Tally;
import org.civitas.governance.Voting;
import org.civitas.store.governance.ImpactStore;
import org.civitas.store.governance.ProposalStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/** The store of proposals and votes, on H2 and PostgreSQL alike. */
@ParameterizedClass(name = "{0}")
@MethodSource("org.civitas.store.Storages#fresh")
class ProposalStoreContractTest {

    private static final Instant T0 = Instant.parse("2026-05-01T10:00:00Z");

    @Parameter
    Supplier<StorageSettings> freshStore;

    private Database database;
    private Proposals proposals;

    @BeforeEach
    void open() {
        database = Database.open(freshStore.get());
        proposals = new ProposalStore(database.jdbi());
    }

    @AfterEach
    void close() {
        database.close();
    }

    private static Proposal proposal(String id, String jurisdiction, Instant submittedAt) {
        ProposalDraft draft = new ProposalDraft(jurisdiction, "Cheaper late bills", "Money is tight",
                new ProposedChange(ProposedChange.Kind.CHANGE, "obligations.bill-paid-late",
                        Optional.of("{\"points\": -5}")), true,
                List.of(new Scenario("{\"id\":\"e-1\"}", -5), new Scenario("{\"id\":\"e-2\"}", 0)));
        return new Proposal(id, "p-author", draft, ProposalState.OPEN, submittedAt,
                submittedAt.plus(Duration.ofDays(14)), 2, 0, Optional.empty(), Optional.empty());
    }

    @Test
    void keepsAProposalWithItsScenariosAndListsNewestFirst() {
        Proposal first = proposal("a", "lakeside", T0);
        proposals.create(first);
        proposals.create(proposal("b", "riverton", T0.plusSeconds(1)));
        proposals.create(proposal("c", "lakeside", T0.plusSeconds(2)));

        assertThat(proposals.find("a")).contains(first);
        assertThat(proposals.find("z")).isEmpty();
        assertThat(proposals.list(Set.of(), Optional.empty())).extracting(Proposal::id).containsExactly("c", "b", "a");
        assertThat(proposals.list(Set.of("lakeside"), Optional.of(ProposalState.OPEN))).extracting(Proposal::id)
                .containsExactly("c", "a");
        assertThat(proposals.due(ProposalState.OPEN, T0.plus(Duration.ofDays(14)).plusSeconds(1)))
                .extracting(Proposal::id).containsExactly("a", "b");
    }

    @Test
    void aSupportCountsOnceAndCommentsKeepTheirOrder() {
        proposals.create(proposal("a", "lakeside", T0));

        assertThat(proposals.support("a", "p-1", T0)).isTrue();
        assertThat(proposals.support("a", "p-1", T0.plusSeconds(1))).isFalse();
        assertThat(proposals.support("a", "p-2", T0)).isTrue();
        proposals.comment(new Comment("c-2", "a", "bob", "<b>no</b>", T0.plusSeconds(5)));
        proposals.comment(new Comment("c-1", "a", "ada", "yes", T0));

        assertThat(proposals.find("a").orElseThrow().supports()).isEqualTo(2);
        assertThat(proposals.supports("a", "p-1")).isTrue();
        assertThat(proposals.supports("a", "p-3")).isFalse();
        assertThat(proposals.comments("a")).extracting(Comment::body).containsExactly("yes", "<b>no</b>");
    }

    @Test
    void movesOnlyFromTheStateExpected() {
        proposals.create(proposal("a", "lakeside", T0));

        assertThat(proposals.move("a", ProposalState.VOTING, ProposalState.ADOPTED, T0)).isFalse();
        assertThat(proposals.move("a", ProposalState.OPEN, ProposalState.WITHDRAWN, T0)).isTrue();
        assertThat(proposals.find("a").orElseThrow().state()).isEqualTo(ProposalState.WITHDRAWN);
        assertThat(proposals.openVoting("a", voting(), new TreeSet<>(Set.of("p-1")))).isFalse();
    }

    @Test
    void aVoterHasOneBallotWhichALaterOneReplaces() {
        proposals.create(proposal("a", "lakeside", T0));
        assertThat(proposals.openVoting("a", voting(), new TreeSet<>(Set.of("p-1", "p-2")))).isTrue();
        assertThat(proposals.openVoting("a", voting(), new TreeSet<>(Set.of("p-1")))).isFalse();

        assertThat(proposals.eligible("a", "p-1")).isTrue();
        assertThat(proposals.eligible("a", "p-3")).isFalse();
        assertThat(proposals.cast("a", "p-1", "sealed-1", new Ballot("t1", Choice.YES), Optional.empty())).isTrue();
        assertThat(proposals.cast("a", "p-1", "sealed-x", new Ballot("tx", Choice.NO), Optional.empty()))
                .as("a ballot cast as if it were the first, after another").isFalse();
        assertThat(proposals.cast("a", "p-1", "sealed-2", new Ballot("t2", Choice.NO),
                Optional.of(new Proposals.Replaced("sealed-1", "t1")))).isTrue();
        assertThat(proposals.cast("a", "p-2", "sealed-3", new Ballot("t3", Choice.YES), Optional.empty())).isTrue();

        assertThat(proposals.sealedTracker("a", "p-1")).contains("sealed-2");
        assertThat(proposals.ballots("a")).containsExactly(new Ballot("t2", Choice.NO), new Ballot("t3", Choice.YES));
        Proposal voting = proposals.find("a").orElseThrow();
        assertThat(voting.state()).isEqualTo(ProposalState.VOTING);
        assertThat(voting.voting()).contains(voting());

        Tally tally = new Tally(1, 1, 0, 2, true, false);
        assertThat(proposals.close("a", tally, ProposalState.REJECTED, T0.plus(Duration.ofDays(21)))).isTrue();
        assertThat(proposals.close("a", tally, ProposalState.ADOPTED, T0.plus(Duration.ofDays(21)))).isFalse();
        Proposal closed = proposals.find("a").orElseThrow();
        assertThat(closed.state()).isEqualTo(ProposalState.REJECTED);
        assertThat(closed.tally()).contains(tally);
    }

    @Test
    void keepsAnImpactAsItWasPublishedAndEachPersonsChange() {
        proposals.create(proposal("a", "lakeside", T0));
        ImpactArchive archive = new ImpactStore(database.jdbi());
        Impact impact = new Impact(T0.minus(Duration.ofDays(365)), T0, 7_000, 40,
                List.of(new Impact.Cell(null, -20.0, null), new Impact.Cell(0.0, 0.0, 6_960L),
                        new Impact.Cell(20.0, null, 25L)),
                List.of(new Impact.Cell(975.0, 1000.0, 6_000L)), List.of(new Impact.Cell(1000.0, 1025.0, 1_000L)),
                0.25, 0, 3, 1, 120, List.of(new Impact.District("harbour", 30L, 1.5),
                        new Impact.District("old-town", null, null)));
        Map<String, PersonalImpact> people = new HashMap<>();
        for (int i = 0; i < 12_000; i++) {
            people.put("p-" + i, new PersonalImpact(1000, 1000 + i % 7, i % 7));
        }
        assertThat(archive.impact("a")).isEmpty();

        archive.keep("a", impact, people);
        archive.keep("a", impact.withDistricts(List.of()), Map.of("p-1", new PersonalImpact(1, 2, 1)));

        assertThat(archive.impact("a")).as("the first kept stays").contains(impact);
        assertThat(archive.impactOn("a", "p-11995")).contains(new PersonalImpact(1000, 1004, 4));
        assertThat(archive.impactOn("a", "p-1")).contains(new PersonalImpact(1000, 1001, 1));
        assertThat(archive.impactOn("a", "p-someone-else")).isEmpty();
        assertThat(archive.impactOn("b", "p-1")).isEmpty();
    }

    private static Voting voting() {
        return new Voting(T0.plus(Duration.ofDays(1)), T0.plus(Duration.ofDays(8)), 2, "e".repeat(64),
                "b".repeat(64));
    }
}
