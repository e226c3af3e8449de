package org.civitas.governance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.civitas.constitution.Constitution;
import org.civitas.event.Attributes;
import org.civitas.event.Event;
import org.civitas.ledger.FileLedger;
import org.civitas.rules.Rule;
import org.civitas.rules.RuleBook;
import org.civitas.rules.RuleBookLoader;
import org.civitas.rules.RuleBookText;
import org.civitas.rules.RuleBooks;
import org.civitas.scoring.Contribution;
import org.civitas.scoring.Scorer;
import org.civitas.scoring.ScoringRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An adopted proposal becomes a new version of its rule that follows the old one in time: relief at once, a new or
 * harsher penalty after the notice period, amnesty over the past as well; the book keeps its history, its text reads
 * back as the same book, and the governance ledger keeps every version for a restart and for {@code civitas score}.
 */
class AdoptionTest {

    private static final RuleBookLoader LOADER = new RuleBookLoader(Constitution.standard());
    private static final Instant ADOPTED = Instant.parse("2026-10-01T12:00:00Z");
    private static final Duration NOTICE = Duration.ofDays(30);
    private static final RuleBooks BOOKS = new RuleBooks(List.of(
            LOADER.read("vale.yaml", "jurisdiction: vale\ntimezone: Europe/Berlin\nrules:\n"
                    + "  - id: litter\n    title: Littering\n    category: environment\n    on: litter\n"
                    + "    points: -3\n    halfLife: P30D\n"),
            LOADER.read("lakeside.yaml", "jurisdiction: lakeside\nparent: vale\ntimezone: Europe/Berlin\nrules:\n"
                    + "  - id: late-bill\n    title: A late bill\n    category: obligations\n"
                    + "    on: bill-payment\n    points: -10\n    halfLife: P90D\n")));
    private static final ProposalCheck CHECK = new ProposalCheck(LOADER);

    private static Proposal proposal(ProposedChange.Kind kind, String id, String rule, boolean amnesty) {
        ProposalDraft draft = new ProposalDraft("lakeside", "A change", "Because", new ProposedChange(kind, id,
                Optional.ofNullable(rule)), amnesty, List.of());
        return new Proposal("prop-" + kind.id() + "-" + amnesty, "p-author", draft, ProposalState.VOTING,
                ADOPTED.minus(Duration.ofDays(10)), ADOPTED, 1, 1, Optional.empty(), Optional.empty());
    }

    private static String rule(String id, String on, long points) {
        return "{\"id\":\"" + id + "\",\"title\":\"T\",\"category\":\"c\",\"on\":\"" + on + "\",\"points\":" + points
                + ",\"halfLife\":\"P90D\"}";
    }

    private static RuleBooks adopted(Proposal proposal) {
        return adopted(BOOKS, proposal, ADOPTED);
    }

    private static RuleBooks adopted(RuleBooks books, Proposal proposal, Instant at) {
        ProposalCheck.ProposedBooks proposed = CHECK.check(proposal.draft(), books, proposal.submittedAt())
                .orRefuse();
        RuleBook book = Adoption.adopt(books.forJurisdiction("lakeside").orElseThrow(), proposal, proposed, at);
        return books.with(book);
    }

    /** What an event of {@code type} at {@code at} alone grants in Lakeside, and the version that grants it. */
    private static String granted(RuleBooks books, String type, Instant at) {
        ScoringRun run = new Scorer(books).start(at.plus(Duration.ofDays(400)));
        run.accept(new Event("e", "s", "p-1", type, at, "lakeside", Attributes.EMPTY));
        List<Contribution> contributions = run.finish().people().get(0).contributions();
        return contributions.isEmpty() ? "nothing" : contributions.get(0).granted() + " by v"
                + contributions.get(0).ruleVersion() + contributions.get(0).adoptedBy().map(p -> " of " + p)
                        .orElse("");
    }

    @Test
    void reliefTakesOverAtAdoptionAndLeavesThePastAlone() {
        Proposal proposal = proposal(ProposedChange.Kind.CHANGE, "late-bill", rule("late-bill", "bill-payment", -5),
                false);
        RuleBooks books = adopted(proposal);

        assertThat(granted(books, "bill-payment", ADOPTED.minusSeconds(1))).isEqualTo("-10 by v1");
        assertThat(granted(books, "bill-payment", ADOPTED)).isEqualTo("-5 by v2 of " + proposal.id());
    }

    @Test
    void reliefWithAmnestyReachesBackToThePast() {
        RuleBooks books = adopted(proposal(ProposedChange.Kind.CHANGE, "late-bill",
                rule("late-bill", "bill-payment", -5), true));

        assertThat(granted(books, "bill-payment", ADOPTED.minus(Duration.ofDays(100)))).startsWith("-5 by v2");
        assertThat(books.forJurisdiction("lakeside").orElseThrow().rules()).hasSize(1);
    }

    @Test
    void aHarsherOrNewPenaltyCountsOnlyAfterTheNoticePeriod() {
        RuleBooks harsher = adopted(proposal(ProposedChange.Kind.CHANGE, "late-bill",
                rule("late-bill", "bill-payment", -20), false));
        RuleBooks added = adopted(proposal(ProposedChange.Kind.ADD, "noise", rule("noise", "noise", -4), false));

        assertThat(granted(harsher, "bill-payment", ADOPTED.plus(NOTICE).minusSeconds(1))).isEqualTo("-10 by v1");
        assertThat(granted(harsher, "bill-payment", ADOPTED.plus(NOTICE))).startsWith("-20 by v2");
        assertThat(granted(added, "noise", ADOPTED.plus(Duration.ofDays(29)))).isEqualTo("nothing");
        assertThat(granted(added, "noise", ADOPTED.plus(NOTICE))).startsWith("-4 by v1");
    }

    @Test
    void aRetiredRuleStopsAtAdoption() {
        RuleBooks books = adopted(proposal(ProposedChange.Kind.RETIRE, "late-bill", null, false));

        assertThat(granted(books, "bill-payment", ADOPTED.minusSeconds(1))).isEqualTo("-10 by v1");
        assertThat(granted(books, "bill-payment", ADOPTED)).isEqualTo("nothing");
    }

    @Test
    void overridingAHigherBooksRuleKeepsItsPastHere() {
        RuleBooks books = adopted(proposal(ProposedChange.Kind.CHANGE, "litter", rule("litter", "litter", -1)
                .replace("P90D", "P30D"), false));

        assertThat(granted(books, "litter", ADOPTED.minusSeconds(1))).isEqualTo("-3 by v1");
        assertThat(granted(books, "litter", ADOPTED)).startsWith("-1 by v2");
    }

    @Test
    void aHigherBooksRuleSwitchedOffHereStopsAtAdoptionOrWithAmnestyAltogether() {
        RuleBooks switchedOff = adopted(proposal(ProposedChange.Kind.RETIRE, "litter", null, false));
        RuleBooks forgiven = adopted(proposal(ProposedChange.Kind.RETIRE, "litter", null, true));

        assertThat(granted(switchedOff, "litter", ADOPTED.minusSeconds(1))).isEqualTo("-3 by v1");
        assertThat(granted(switchedOff, "litter", ADOPTED)).isEqualTo("nothing");
        assertThat(granted(forgiven, "litter", ADOPTED.minus(Duration.ofDays(100)))).isEqualTo("nothing");
        RuleBook again = LOADER.read("again.yaml", RuleBookText.of(switchedOff.forJurisdiction("lakeside")
                .orElseThrow()));
        assertThat(again.rules()).filteredOn(Rule::off).singleElement()
                .satisfies(off -> assertThat(off.version()).isEqualTo(2));
    }

    @Test
    void retiringAnOverrideOfAHigherBooksRuleSwitchesTheRuleOffHereAsTheImpactShowed() {
        RuleBooks overridden = adopted(proposal(ProposedChange.Kind.CHANGE, "litter", rule("litter", "litter", -1),
                false));
        Proposal retire = proposal(ProposedChange.Kind.RETIRE, "litter", null, false);
        Instant later = ADOPTED.plus(Duration.ofDays(60));

        RuleBooks retired = adopted(overridden, retire, later);
        RuleBooks simulated = CHECK.check(retire.draft(), overridden, later).orRefuse().books();

        assertThat(granted(retired, "litter", later.minusSeconds(1))).startsWith("-1 by v2");
        assertThat(granted(retired, "litter", later)).as("not Vale's rule either").isEqualTo("nothing");
        assertThat(granted(simulated, "litter", later)).as("what the impact scored").isEqualTo("nothing");
    }

    @Test
    void aBookWithHistoryReadsBackFromItsText() {
        RuleBook book = adopted(proposal(ProposedChange.Kind.CHANGE, "late-bill",
                rule("late-bill", "bill-payment", -20), false)).forJurisdiction("lakeside").orElseThrow();

        RuleBook again = LOADER.read("again.yaml", RuleBookText.of(book));

        assertThat(again.rules()).hasSize(2);
        assertThat(RuleBookText.of(again)).isEqualTo(RuleBookText.of(book));
    }

    @Test
    void theGovernanceLedgerKeepsEveryVersionForTheNextStart(@TempDir Path data) throws IOException {
        Files.createDirectories(data);
        Proposal proposal = proposal(ProposedChange.Kind.CHANGE, "late-bill", rule("late-bill", "bill-payment", -5),
                false);
        Legislation legislation = new Legislation(BOOKS, data, CHECK);
        List<RuleBooks> followed = new ArrayList<>();
        legislation.follow(followed::add);

        RuleBook adopted = legislation.adopt(proposal, ADOPTED);
        legislation.close();

        assertThat(followed).containsExactly(legislation.inForce());
        Legislation restarted = new Legislation(BOOKS, data, CHECK);
        assertThat(RuleBookText.of(restarted.inForce().forJurisdiction("lakeside").orElseThrow()))
                .isEqualTo(RuleBookText.of(adopted));
        restarted.close();
        assertThat(BookHistory.read(data)).singleElement().satisfies(version -> {
            assertThat(version.proposal()).isEqualTo(proposal.id());
            assertThat(version.adoptedAt()).isEqualTo(ADOPTED);
        });
        assertThat(BookHistory.verify(data).intact()).isTrue();
        assertThat(FileLedger.directoryIn(BookHistory.directoryIn(data))).isDirectory();
    }
}
