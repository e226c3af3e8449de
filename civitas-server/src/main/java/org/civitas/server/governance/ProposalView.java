package org.civitas.server.governance;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.civitas.governance.Comment;
import org.civitas.governance.Proposal;
import org.civitas.governance.ProposalProblem;
import org.civitas.governance.ProposalState;
import org.civitas.governance.Scenario;
import org.civitas.governance.Tally;
import org.civitas.governance.Voting;

/** A proposal as the public reads it: what it changes, where it stands, its vote. Its author is not named. */
record ProposalView(
        String id, String jurisdiction, String title, String rationale, Change change, boolean amnesty,
        List<ScenarioView> scenarios, String state, Instant submittedAt, Instant debateEndsAt, long supports,
        long supportsNeeded, Voting voting, Result result, List<Comment> comments) {

    record Change(String kind, String ruleId, JsonNode rule) {
    }

    record ScenarioView(JsonNode event, long points) {
    }

    /** The tally of a closed vote and what became of the proposal: adopted, rejected or lapsed. */
    record Result(long yes, long no, long abstain, long eligible, boolean quorumMet, String result) {

        static Result of(Tally tally, ProposalState state) {
            return new Result(tally.yes(), tally.no(), tally.abstain(), tally.eligible(), tally.quorumMet(),
                    state.id());
        }
    }

    static ProposalView of(Proposal proposal, List<Comment> comments, ObjectMapper json) {
        var draft = proposal.draft();
        return new ProposalView(proposal.id(), draft.jurisdiction(), draft.title(), draft.rationale(),
                new Change(draft.change().kind().id(), draft.change().ruleId(),
                        draft.change().rule().map(text -> tree(text, json)).orElse(null)),
                draft.amnesty(), draft.scenarios().stream().map(scenario -> scenario(scenario, json)).toList(),
                proposal.state().id(), proposal.submittedAt(), proposal.debateEndsAt(), proposal.supports(),
                proposal.supportsNeeded(), proposal.voting().orElse(null),
                proposal.tally().map(tally -> Result.of(tally, proposal.state())).orElse(null), comments);
    }

    private static ScenarioView scenario(Scenario scenario, ObjectMapper json) {
        return new ScenarioView(tree(scenario.event(), json), scenario.points());
    }

    /** JSON the proposal was sent as, read back; anything else as the text it is. */
    private static JsonNode tree(String text, ObjectMapper json) {
        try {
            return json.readTree(text);
        } catch (JsonProcessingException e) {
            return json.getNodeFactory().textNode(text);
        }
    }

    /** The problems of a refused proposal: {@code {"errors":[{"field" or "clause","message"}]}}. */
    static Map<String, Object> errors(List<ProposalProblem> problems) {
        return Map.of("errors", problems.stream().map(ProposalView::error).toList());
    }

    private static Map<String, String> error(ProposalProblem problem) {
        Map<String, String> error = new LinkedHashMap<>();
        error.put(problem.clause() ? "clause" : "field", problem.about());
        error.put("message", problem.message());
        return error;
    }
}
