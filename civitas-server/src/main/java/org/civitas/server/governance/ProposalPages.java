package org.civitas.server.governance;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.civitas.governance.Assembly;
import org.civitas.governance.Choice;
import org.civitas.governance.ImpactReports;
import org.civitas.governance.Proposal;
import org.civitas.governance.ProposalDraft;
import org.civitas.governance.ProposalProblem;
import org.civitas.governance.ProposalRefusedException;
import org.civitas.governance.ProposalState;
import org.civitas.server.auth.Authentication;
import org.civitas.server.auth.Principal;
import org.civitas.server.http.Access;
import org.civitas.server.pages.Frame;
import org.civitas.server.pages.Templates;

/**
 * The pages of proposals: the list, a proposal with its impact, debate, vote and result, and the form to propose,
 * which checks what its author writes as they write it. They do what the API does, under the same rules.
 */
public final class ProposalPages {

    private final Assembly assembly;
    private final ImpactReports impacts;
    private final Templates templates;
    private final ObjectMapper json;
    private final List<String> chartScripts;
    private final List<String> formScripts;

    public ProposalPages(Assembly assembly, ImpactReports impacts, Templates templates, ObjectMapper json,
            List<String> chartScripts, List<String> formScripts) {
        this.assembly = assembly;
        this.impacts = impacts;
        this.templates = templates;
        this.json = json;
        this.chartScripts = List.copyOf(chartScripts);
        this.formScripts = List.copyOf(formScripts);
    }

    public void register(RoutesConfig routes) {
        routes.get("/proposals", this::list, Access.PUBLIC);
        routes.get("/proposals/new", this::form, Access.CITIZEN);
        routes.post("/proposals", this::propose, Access.CITIZEN);
        routes.get("/proposals/{id}", this::proposal, Access.PUBLIC);
        routes.post("/proposals/{id}/support", this::support, Access.CITIZEN);
        routes.post("/proposals/{id}/comments", this::comment, Access.CITIZEN);
        routes.post("/proposals/{id}/votes", this::vote, Access.CITIZEN);
        routes.post("/proposals/{id}/withdraw", this::withdraw, Access.CITIZEN);
    }

    private void list(Context ctx) {
        Optional<String> jurisdiction = Optional.ofNullable(ctx.queryParam("jurisdiction")).filter(t -> !t.isEmpty());
        Optional<ProposalState> state = Optional.ofNullable(ctx.queryParam("state")).filter(t -> !t.isEmpty())
                .map(ProposalState::of);
        Map<String, Object> model = new HashMap<>();
        model.put("frame", frame(ctx, "Proposals", List.of()));
        model.put("proposals", assembly.list(jurisdiction, state));
        model.put("jurisdictions", assembly.jurisdictions());
        model.put("jurisdiction", jurisdiction.orElse(""));
        model.put("state", state.map(ProposalState::id).orElse(""));
        ctx.html(templates.render("proposals.jte", model));
    }

    private void proposal(Context ctx) {
        Proposal proposal = assembly.get(ctx.pathParam("id"));
        Optional<String> person = Authentication.principal(ctx).flatMap(Principal::person);
        Map<String, Object> model = new HashMap<>();
        model.put("frame", frame(ctx, proposal.draft().title(), chartScripts));
        model.put("page", ProposalPage.of(proposal, assembly, impacts, person, json));
        ctx.html(templates.render("proposal.jte", model));
    }

    private void form(Context ctx) {
        render(ctx, Map.of("kind", "change"), List.of(), 200);
    }

    /** Makes the proposal the form describes, or shows the form again with every problem. */
    private void propose(Context ctx) {
        Map<String, String> fields = new HashMap<>();
        for (String field : List.of("jurisdiction", "title", "rationale", "kind", "ruleId", "rule", "scenarios",
                "amnesty")) {
            fields.put(field, Optional.ofNullable(ctx.formParam(field)).orElse(""));
        }
        try {
            Proposal proposal = assembly.propose(Authentication.person(ctx), draft(fields));
            impacts.prepare(proposal);
            ctx.redirect("/proposals/" + proposal.id());
        } catch (ProposalRefusedException refused) {
            render(ctx, fields, refused.problems(), 422);
        }
    }

    private void render(Context ctx, Map<String, String> fields, List<ProposalProblem> problems, int status) {
        Map<String, Object> model = new HashMap<>();
        model.put("frame", frame(ctx, "Propose a change", formScripts));
        model.put("fields", fields);
        model.put("problems", problems);
        model.put("jurisdictions", assembly.jurisdictions());
        ctx.status(status).html(templates.render("propose.jte", model));
    }

    /**
     * A draft from the form's fields, read as the API reads a proposal (the rule as the YAML the form takes, the
     * examples as the JSON list it takes); fields of the wrong shape are problems, all refused at once.
     */
    private ProposalDraft draft(Map<String, String> fields) {
        ObjectNode body = json.createObjectNode();
        body.put("jurisdiction", fields.get("jurisdiction"));
        body.put("title", fields.get("title"));
        body.put("rationale", fields.get("rationale"));
        body.put("amnesty", "on".equals(fields.get("amnesty")));
        ObjectNode change = body.putObject("change");
        change.put("kind", fields.get("kind"));
        change.put("ruleId", fields.get("ruleId").strip());
        if (!"retire".equals(fields.get("kind"))) {
            change.put("rule", fields.get("rule"));
        }
        String scenarios = fields.get("scenarios").strip();
        if (!scenarios.isEmpty()) {
            try {
                body.set("scenarios", json.readTree(scenarios));
            } catch (JsonProcessingException e) {
                throw new ProposalRefusedException(List.of(ProposalProblem.field("scenarios", "not JSON: "
                        + e.getOriginalMessage())));
            }
        }
        return ProposalJson.read(body);
    }

    private void support(Context ctx) {
        String id = ctx.pathParam("id");
        assembly.support(Authentication.person(ctx), id);
        ctx.redirect("/proposals/" + id);
    }

    private void comment(Context ctx) {
        String id = ctx.pathParam("id");
        Principal author = Authentication.required(ctx);
        assembly.comment(Authentication.person(ctx), author.username(), id,
                Optional.ofNullable(ctx.formParam("body")).orElse(""));
        ctx.redirect("/proposals/" + id + "#debate");
    }

    private void vote(Context ctx) {
        String id = ctx.pathParam("id");
        assembly.get(id);
        assembly.vote(Authentication.person(ctx), id, Choice.of(Optional.ofNullable(ctx.formParam("choice"))
                .orElse("")));
        ctx.redirect("/proposals/" + id + "#vote");
    }

    private void withdraw(Context ctx) {
        String id = ctx.pathParam("id");
        assembly.withdraw(Authentication.person(ctx), id);
        ctx.redirect("/proposals/" + id);
    }

    private static Frame frame(Context ctx, String title, List<String> scripts) {
        return new Frame(title, "proposals", Authentication.principal(ctx), scripts);
    }
}
