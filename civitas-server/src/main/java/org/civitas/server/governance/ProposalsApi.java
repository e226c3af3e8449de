package org.civitas.server.governance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.civitas.NotFoundException;
import org.civitas.governance.Assembly;
import org.civitas.governance.Board;
import org.civitas.governance.Choice;
import org.civitas.governance.Comment;
import org.civitas.governance.ImpactReports;
import org.civitas.governance.Proposal;
import org.civitas.governance.ProposalRefusedException;
import org.civitas.governance.ProposalState;
import org.civitas.server.auth.Authentication;
import org.civitas.server.auth.Principal;
import org.civitas.server.http.Access;
import org.civitas.server.http.JsonBodies;

/**
 * {@code /api/v1/proposals}: residents propose changes to their rule books, support and debate them, and vote; anyone
 * reads them, their impact on the year before them, and, once a vote closes, its board of ballots. A resident sees
 * what a proposal would do to their own score at {@code /api/v1/me/proposals/{id}/impact}. A voter reads their own
 * ballot at {@code /api/v1/me/proposals/{id}/ballot}; nothing links a ballot to anyone else.
 */
public final class ProposalsApi {

    private final Assembly assembly;
    private final ImpactReports impacts;
    private final ObjectMapper json;

    public ProposalsApi(Assembly assembly, ImpactReports impacts, ObjectMapper json) {
        this.assembly = assembly;
        this.impacts = impacts;
        this.json = json;
    }

    public void register(RoutesConfig routes) {
        routes.post("/api/v1/proposals", this::propose, Access.CITIZEN);
        routes.post("/api/v1/proposals/check", this::check, Access.CITIZEN);
        routes.get("/api/v1/proposals", this::list, Access.PUBLIC);
        routes.get("/api/v1/proposals/{id}", this::proposal, Access.PUBLIC);
        routes.post("/api/v1/proposals/{id}/support", this::support, Access.CITIZEN);
        routes.post("/api/v1/proposals/{id}/comments", this::comment, Access.CITIZEN);
        routes.post("/api/v1/proposals/{id}/withdraw", this::withdraw, Access.CITIZEN);
        routes.post("/api/v1/proposals/{id}/votes", this::vote, Access.CITIZEN);
        routes.get("/api/v1/proposals/{id}/ballots", this::ballots, Access.PUBLIC);
        routes.get("/api/v1/proposals/{id}/impact", this::impact, Access.PUBLIC);
        routes.get("/api/v1/me/proposals/{id}/impact", this::myImpact, Access.CITIZEN);
        routes.get("/api/v1/me/proposals/{id}/ballot", this::myBallot, Access.CITIZEN);
    }

    private void propose(Context ctx) throws IOException {
        String person = Authentication.person(ctx);
        JsonNode body = JsonBodies.read(ctx, json);
        try {
            Proposal proposal = assembly.propose(person, ProposalJson.read(body));
            impacts.prepare(proposal);
            ctx.status(201).json(Map.of("id", proposal.id(), "state", proposal.state().id()));
        } catch (ProposalRefusedException refused) {
            ctx.status(422).json(ProposalView.errors(refused.problems()));
        }
    }

    /** Checks a proposal without making it: every problem it would be refused for, or none. */
    private void check(Context ctx) throws IOException {
        JsonNode body = JsonBodies.read(ctx, json);
        try {
            ctx.json(ProposalView.errors(assembly.check(ProposalJson.read(body))));
        } catch (ProposalRefusedException refused) {
            ctx.json(ProposalView.errors(refused.problems()));
        }
    }

    private void list(Context ctx) {
        Optional<String> jurisdiction = Optional.ofNullable(ctx.queryParam("jurisdiction"))
                .filter(text -> !text.isEmpty());
        Optional<ProposalState> state = Optional.ofNullable(ctx.queryParam("state")).filter(text -> !text.isEmpty())
                .map(ProposalState::of);
        ctx.json(Map.of("proposals", assembly.list(jurisdiction, state).stream()
                .map(proposal -> ProposalView.of(proposal, List.of(), json)).toList()));
    }

    private void proposal(Context ctx) {
        String id = ctx.pathParam("id");
        ctx.json(ProposalView.of(assembly.get(id), assembly.comments(id), json));
    }

    private void support(Context ctx) {
        String id = ctx.pathParam("id");
        ctx.json(ProposalView.of(assembly.support(Authentication.person(ctx), id), assembly.comments(id), json));
    }

    private void comment(Context ctx) throws IOException {
        Principal author = Authentication.required(ctx);
        JsonNode body = JsonBodies.read(ctx, json);
        Comment comment = assembly.comment(Authentication.person(ctx), author.username(), ctx.pathParam("id"),
                body.path("body").asText(""));
        ctx.status(201).json(comment);
    }

    private void withdraw(Context ctx) {
        String id = ctx.pathParam("id");
        ctx.json(ProposalView.of(assembly.withdraw(Authentication.person(ctx), id), assembly.comments(id), json));
    }

    /** Votes on a proposal: an unknown one is a 404, whatever choice the body names. */
    private void vote(Context ctx) throws IOException {
        JsonNode body = JsonBodies.read(ctx, json);
        assembly.get(ctx.pathParam("id"));
        Choice choice = Choice.of(body.path("choice").asText(""));
        ctx.json(Map.of("tracker", assembly.vote(Authentication.person(ctx), ctx.pathParam("id"), choice)));
    }

    private void ballots(Context ctx) {
        String id = ctx.pathParam("id");
        Proposal proposal = assembly.get(id);
        Board board = assembly.board(id);
        ProposalView.Result result = ProposalView.Result.of(board.tally(), proposal.state());
        ctx.json(Map.of("ballots", board.ballots().stream()
                        .map(ballot -> Map.of("tracker", ballot.tracker(), "choice", ballot.choice().id())).toList(),
                "tally", Map.of("yes", result.yes(), "no", result.no(), "abstain", result.abstain()),
                "eligible", result.eligible(), "quorumMet", result.quorumMet(), "result", result.result(),
                "voting", proposal.voting().orElseThrow()));
    }

    private void impact(Context ctx) {
        ctx.json(impacts.impactOf(assembly.get(ctx.pathParam("id"))));
    }

    private void myImpact(Context ctx) {
        ctx.json(impacts.impactOn(assembly.get(ctx.pathParam("id")), Authentication.person(ctx)));
    }

    private void myBallot(Context ctx) {
        String id = ctx.pathParam("id");
        ctx.json(assembly.myBallot(Authentication.person(ctx), id)
                .map(ballot -> Map.of("tracker", ballot.tracker(), "choice", ballot.choice().id()))
                .orElseThrow(() -> new NotFoundException("you have not voted on proposal '" + id + "'")));
    }
}
