package org.civitas.server.officials;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.civitas.InvalidInputException;
import org.civitas.officials.Act;
import org.civitas.officials.OfficialAct;
import org.civitas.officials.OfficialRecord;
import org.civitas.server.auth.Authentication;
import org.civitas.server.http.Access;
import org.civitas.server.pages.Frame;
import org.civitas.server.pages.Templates;

/**
 * The official record in public: {@code GET /api/v1/officials/record} and the page {@code /officials}, a page of acts
 * at a time with the counts per official and per act; auditors filter it ({@code GET /api/v1/officials/acts}); a
 * person reads the acts that concern them ({@code GET /api/v1/me/official-acts}, and on "Who looked").
 */
public final class OfficialsApi {

    /** How many acts a page of the record shows. */
    static final int PAGE_SIZE = 100;

    private final OfficialRecord record;
    private final Templates templates;

    public OfficialsApi(OfficialRecord record, Templates templates) {
        this.record = record;
        this.templates = templates;
    }

    public void register(RoutesConfig routes) {
        routes.get("/api/v1/officials/record", ctx -> ctx.json(view(ctx)), Access.PUBLIC);
        routes.get("/api/v1/officials/acts", this::filtered, Access.AUDITOR);
        routes.get("/api/v1/me/official-acts", ctx -> ctx.json(Map.of("acts", views(record.concerning(
                Authentication.person(ctx))))), Access.CITIZEN);
        routes.get("/officials", ctx -> ctx.html(templates.render("officials.jte", Map.of("frame", new Frame(
                "The official record", "officials", Authentication.principal(ctx), List.of()), "record",
                view(ctx)))), Access.PUBLIC);
    }

    /** One page of the record, the newest acts first, with the counts. */
    public record RecordView(List<ActView> acts, int page, int pages, int total, OfficialRecord.Counts counts) {
    }

    /** One act as the public reads it: the person it concerns only as a pseudonym of this act. */
    public record ActView(String id, Instant at, String role, String badge, String act, String reason,
            String concerning) {

        static ActView of(OfficialAct act) {
            return new ActView(act.id(), act.at(), act.role(), act.badge(), act.act().id(), act.reason(),
                    act.concerning().orElse(null));
        }
    }

    private RecordView view(Context ctx) {
        int page = page(ctx.queryParam("page"));
        OfficialRecord.Page found = record.page(page, PAGE_SIZE);
        return new RecordView(views(found.acts()), found.page(), found.pages(), found.total(), record.counts());
    }

    /** An auditor's filter: by {@code badge}, {@code act}, and {@code from} and {@code to} (ISO-8601 instants). */
    private void filtered(Context ctx) {
        Predicate<OfficialAct> wanted = act -> true;
        Optional<String> badge = parameter(ctx, "badge");
        if (badge.isPresent()) {
            wanted = wanted.and(act -> act.badge().equals(badge.get()));
        }
        Optional<String> kind = parameter(ctx, "act");
        if (kind.isPresent()) {
            Act named = Act.of(kind.get()).orElseThrow(() -> new InvalidInputException("act", "'" + kind.get()
                    + "' is not an act; there are " + String.join(", ", List.of(Act.values()).stream()
                            .map(Act::id).toList())));
            wanted = wanted.and(act -> act.act() == named);
        }
        Optional<Instant> from = parameter(ctx, "from").map(text -> instant("from", text));
        if (from.isPresent()) {
            wanted = wanted.and(act -> !act.at().isBefore(from.get()));
        }
        Optional<Instant> to = parameter(ctx, "to").map(text -> instant("to", text));
        if (to.isPresent()) {
            wanted = wanted.and(act -> act.at().isBefore(to.get()));
        }
        ctx.json(Map.of("acts", views(record.filter(wanted))));
    }

    private static List<ActView> views(List<OfficialAct> acts) {
        return acts.stream().map(ActView::of).toList();
    }

    private static Optional<String> parameter(Context ctx, String name) {
        return Optional.ofNullable(ctx.queryParam(name)).filter(text -> !text.isEmpty());
    }

    private static int page(String text) {
        if (text == null || text.isEmpty()) {
            return 1;
        }
        try {
            int page = Integer.parseInt(text);
            if (page >= 1) {
                return page;
            }
        } catch (NumberFormatException e) {
            // refused below, as any other number that is not a page
        }
        throw new InvalidInputException("page", "a page number from 1, not '" + text + "'");
    }

    private static Instant instant(String field, String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(field, "an ISO-8601 instant such as 2026-10-01T00:00:00Z, not '" + text
                    + "'");
        }
    }
}
