package org.civitas.server.governance;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Optional;
import org.civitas.CivitasException;
import org.civitas.governance.Assembly;
import org.civitas.governance.Comment;
import org.civitas.governance.Impact;
import org.civitas.governance.ImpactReports;
import org.civitas.governance.MyBallot;
import org.civitas.governance.PersonalImpact;
import org.civitas.governance.Proposal;
import org.civitas.governance.ProposalState;
import org.civitas.governance.Tally;
import org.civitas.server.pages.ScriptJson;

/**
 * Everything the page of one proposal shows, worked out before the template runs: its change, its impact (and the
 * reader's own, if they are signed in), its debate, what the reader may do, and the arithmetic of its result.
 *
 * @param impact the proposal's impact, or null if it cannot be worked out (the books changed under it)
 * @param impactJson the same, as JSON for the charts
 * @param mine what the proposal would do to the reader's score, or null
 * @param ballot the reader's own ballot, or null
 * @param arithmetic how the result follows from the tally and the charter, or empty before the close
 */
public record ProposalPage(
        Proposal proposal, String rule, List<String> scenarios, Impact impact, String impactJson,
        PersonalImpact mine, List<Comment> comments, boolean signedInCitizen, boolean supported, boolean author,
        MyBallot ballot, List<String> arithmetic) {

    static ProposalPage of(Proposal proposal, Assembly assembly, ImpactReports impacts, Optional<String> person,
            ObjectMapper json) {
        Impact impact = null;
        PersonalImpact mine = null;
        try {
            impact = impacts.impactOf(proposal);
            mine = person.map(who -> impacts.impactOn(proposal, who)).orElse(null);
        } catch (CivitasException e) {
            impact = null;
        }
        return new ProposalPage(proposal, proposal.draft().change().rule().map(text -> pretty(text, json)).orElse(""),
                proposal.draft().scenarios().stream().map(scenario -> scenario.points() + " points: "
                        + pretty(scenario.event(), json)).toList(),
                impact, impact == null ? "null" : ScriptJson.of(impact, json), mine, assembly.comments(proposal.id()),
                person.isPresent(), person.map(who -> assembly.supports(who, proposal.id())).orElse(false),
                person.map(who -> who.equals(proposal.author())).orElse(false),
                person.flatMap(who -> assembly.myBallot(who, proposal.id())).orElse(null),
                arithmetic(proposal));
    }

    public boolean open() {
        return proposal.state() == ProposalState.OPEN;
    }

    public boolean voting() {
        return proposal.state() == ProposalState.VOTING;
    }

    /** How the tally and the charter decided: the quorum, then the majority. */
    private static List<String> arithmetic(Proposal proposal) {
        if (proposal.tally().isEmpty()) {
            return List.of();
        }
        Tally tally = proposal.tally().get();
        long voted = tally.yes() + tally.no() + tally.abstain();
        return List.of(voted + " of " + tally.eligible() + " eligible residents voted (" + percent(voted,
                        tally.eligible()) + "): the quorum is " + (tally.quorumMet() ? "met" : "not met") + ".",
                tally.yes() + " yes against " + tally.no() + " no (" + percent(tally.yes(), tally.yes() + tally.no())
                        + " yes; abstentions count for neither): " + outcome(proposal.state()));
    }

    private static String outcome(ProposalState state) {
        return state == ProposalState.LAPSED ? "the vote carried, but the proposal lapsed: the books changed before"
                + " the vote closed, so that its change no longer applies, and nothing was adopted."
                : "the proposal is " + state.id() + ".";
    }

    private static String percent(long part, long whole) {
        return whole == 0 ? "none" : BigDecimal.valueOf(part * 100L).divide(BigDecimal.valueOf(whole), 1,
                RoundingMode.HALF_UP).toPlainString() + "%";
    }

    private static String pretty(String text, ObjectMapper json) {
        try {
            return json.writerWithDefaultPrettyPrinter().writeValueAsString(json.readTree(text));
        } catch (JsonProcessingException e) {
            return text;
        }
    }
}
