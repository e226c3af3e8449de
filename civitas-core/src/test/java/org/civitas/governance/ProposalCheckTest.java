package org.civitas.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.civitas.constitution.Constitution;
import org.civitas.rules.Rule;
import org.civitas.rules.RuleBook;
import org.civitas.rules.RuleBookLoader;
import org.civitas.rules.RuleBookText;
import org.civitas.rules.RuleBooks;
import org.junit.jupiter.api.Test;

/**
 * A proposal is checked as a rule book is, and more: every problem is found at once, binding rules above hold, no new
 * or harsher penalty reaches back, and each scenario must earn the points it says under the book as proposed.
 */
class ProposalCheckTest {

    private static final RuleBookLoader LOADER = new RuleBookLoader(Constitution.standard());
    private static final Instant NOW = Instant.parse("2026-10-01T12:00:00Z");
    private static final RuleBooks BOOKS = new RuleBooks(List.of(
            LOADER.read("vale.yaml", "jurisdiction: vale\ntimezone: Europe/Berlin\nrules:\n"
                    + "  - id: speech.report\n    title: Reporting corruption\n    category: speech\n"
                    + "    on: corruption-report\n    points: 15\n    binding: true\n"
                    + "  - id: litter\n    title: Littering\n    category: environment\n    on: litter\n"
                    + "    points: -3\n    halfLife: P30D\n"),
            LOADER.read("lakeside.yaml", "jurisdiction: lakeside\nparent: vale\ntimezone: Europe/Berlin\nrules:\n"
                    + "  - id: late-bill\n    version: 3\n    title: A late bill\n    category: obligations\n"
                    + "    on: bill-payment\n    when: 'event.attributes.daysLate > 30'\n    points: -10\n"
                    + "    halfLife: P90D\n")));
    private static final ProposalCheck CHECK = new ProposalCheck(LOADER);

    private static ProposalDraft draft(ProposedChange.Kind kind, String id, String rule, boolean amnesty,
            Scenario... scenarios) {
        return new ProposalDraft("lakeside", "A title", "A reason", new ProposedChange(kind, id,
                Optional.ofNullable(rule)), amnesty, List.of(scenarios));
    }

    private static String lateBill(long points, String halfLife) {
        return "{\"id\":\"late-bill\",\"title\":\"A late bill\",\"category\":\"obligations\",\"on\":\"bill-payment\","
                + "\"when\":\"event.attributes.daysLate > 30\",\"points\":" + points + ",\"halfLife\":\"" + halfLife
                + "\"}";
    }

    private static Scenario bill(int daysLate, long points) {
        return new Scenario("{\"id\":\"e-" + daysLate + "\",\"source\":\"utility\",\"person\":\"p-1\","
                + "\"type\":\"bill-payment\",\"occurredAt\":\"2026-09-01T10:00:00Z\",\"jurisdiction\":\"lakeside\","
                + "\"attributes\":{\"daysLate\":" + daysLate + "}}", points);
    }

    private static List<String> problems(ProposalDraft draft) {
        return CHECK.check(draft, BOOKS, NOW).problems().stream().map(ProposalProblem::toString).toList();
    }

    @Test
    void aChangeThatPassesGivesTheBookAsProposedWithTheRuleAtItsNextVersion() {
        ProposalCheck.Outcome outcome = CHECK.check(draft(ProposedChange.Kind.CHANGE, "late-bill",
                lateBill(-5, "P60D"), true, bill(45, -5), bill(10, 0)), BOOKS, NOW);

        assertThat(outcome.problems()).isEmpty();
        Rule changed = outcome.orRefuse().book().rules().get(0);
        assertThat(changed.points()).isEqualTo(-5);
        assertThat(changed.version()).isEqualTo(4);
        RuleBook book = outcome.orRefuse().book();
        assertThat(LOADER.read("again.yaml", RuleBookText.of(book)).rules()).as("the text reads back as the book")
                .usingRecursiveComparison().ignoringFields("when").isEqualTo(book.rules());
    }

    @Test
    void everyProblemIsFoundAtOnce() {
        List<String> problems = problems(new ProposalDraft("lakeside", " ", "", new ProposedChange(
                ProposedChange.Kind.ADD, "speech.report", Optional.of("{\"id\":\"speech.report\",\"title\":\"x\","
                        + "\"category\":\"speech\",\"on\":\"corruption-report\",\"ponts\":-5}")), true, List.of()));

        assertThat(problems).anyMatch(problem -> problem.startsWith("title: missing"))
                .anyMatch(problem -> problem.startsWith("rationale: missing"))
                .anyMatch(problem -> problem.startsWith("binding: 'speech.report' is a binding rule of vale"))
                .anyMatch(problem -> problem.startsWith("change.rule.ponts: unknown field 'ponts'"))
                .anyMatch(problem -> problem.startsWith("change.rule.points: missing"))
                .anyMatch(problem -> problem.startsWith("ex-post-facto: amnesty reaches back"));
    }

    @Test
    void aBindingRuleAboveCannotBeOverriddenButAnotherCan() {
        assertThat(problems(draft(ProposedChange.Kind.CHANGE, "speech.report", "{\"id\":\"speech.report\","
                + "\"title\":\"x\",\"category\":\"speech\",\"on\":\"corruption-report\",\"points\":1}", false)))
                .singleElement().asString().startsWith("binding:");
        assertThat(problems(draft(ProposedChange.Kind.CHANGE, "litter", "{\"id\":\"litter\",\"title\":\"Littering\","
                + "\"category\":\"environment\",\"on\":\"litter\",\"points\":-1,\"halfLife\":\"P30D\"}", false)))
                .isEmpty();
        assertThat(problems(draft(ProposedChange.Kind.RETIRE, "litter", null, false))).as("switched off here")
                .isEmpty();
        assertThat(problems(draft(ProposedChange.Kind.RETIRE, "speech.report", null, false))).singleElement()
                .asString().startsWith("binding:");
    }

    @Test
    void noPenaltyReachesBackAndAmnestyIsForReliefOnly() {
        assertThat(problems(draft(ProposedChange.Kind.CHANGE, "late-bill", lateBill(-12, "P90D"), true)))
                .singleElement().asString().startsWith("ex-post-facto:");
        assertThat(problems(draft(ProposedChange.Kind.CHANGE, "late-bill", lateBill(-5, "P120D"), true)))
                .as("fading slower is harsher").singleElement().asString().startsWith("ex-post-facto:");
        assertThat(problems(draft(ProposedChange.Kind.CHANGE, "late-bill", lateBill(-5, "P90D"), true))).isEmpty();
        assertThat(problems(draft(ProposedChange.Kind.RETIRE, "late-bill", null, true))).isEmpty();
        assertThat(problems(draft(ProposedChange.Kind.CHANGE, "late-bill", lateBill(-12, "P90D"), false)))
                .as("harsher, from its adoption on").isEmpty();
        String backdated = lateBill(-12, "P90D").replace("}", ",\"effective\":{\"from\":\"2026-01-01T00:00:00Z\"}}");
        assertThat(problems(draft(ProposedChange.Kind.CHANGE, "late-bill", backdated, false))).singleElement()
                .asString().startsWith("ex-post-facto: a penalty counts only for events after it takes effect");
    }

    @Test
    void scenariosAreScoredUnderTheBookAsProposed() {
        assertThat(problems(draft(ProposedChange.Kind.CHANGE, "late-bill", lateBill(-5, "P60D"), false,
                bill(45, -10), bill(10, 0)))).containsExactly(
                        "scenarios[0].points: the book as proposed gives this event -5 points, not -10");
        Scenario riverton = new Scenario(bill(45, -5).event().replace("lakeside", "riverton"), -5);
        assertThat(problems(draft(ProposedChange.Kind.CHANGE, "late-bill", lateBill(-5, "P60D"), false, riverton)))
                .singleElement().asString().startsWith("scenarios[0].event.jurisdiction:");
        Scenario broken = new Scenario("{\"id\":\"x\",\"occurredAt\":\"yesterday\"}", 0);
        assertThat(problems(draft(ProposedChange.Kind.CHANGE, "late-bill", lateBill(-5, "P60D"), false, broken)))
                .contains("scenarios[0].event.source: missing (required)")
                .anyMatch(problem -> problem.startsWith("scenarios[0].event.occurredAt:"));
    }

    @Test
    void aChangeNamesARuleInForceAndAnAdditionANewOne() {
        assertThat(problems(draft(ProposedChange.Kind.CHANGE, "nothing", lateBill(-5, "P60D")
                .replace("late-bill", "nothing"), false))).singleElement().asString()
                .startsWith("change.ruleId: no rule 'nothing' is in force in lakeside");
        assertThat(problems(draft(ProposedChange.Kind.ADD, "late-bill", lateBill(-5, "P60D"), false)))
                .singleElement().asString().startsWith("change.ruleId: lakeside already has a rule 'late-bill'");
        assertThat(problems(draft(ProposedChange.Kind.CHANGE, "late-bill", lateBill(-5, "P60D")
                .replace("\"late-bill\"", "\"other\""), false))).singleElement().asString()
                .startsWith("change.rule.id:");
        assertThatThrownBy(() -> CHECK.check(new ProposalDraft("atlantis", "t", "r", new ProposedChange(
                ProposedChange.Kind.RETIRE, "x", Optional.empty()), false, List.of()), BOOKS, NOW).orRefuse())
                .isInstanceOf(ProposalRefusedException.class).hasMessageContaining("jurisdiction: no rule book for"
                        + " 'atlantis'; there are lakeside, vale");
    }
}
