package org.civitas.server.transparency;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.civitas.InvalidInputException;
import org.civitas.NotFoundException;
import org.civitas.server.auth.Authentication;
import org.civitas.server.http.Access;
import org.civitas.server.http.JsonBodies;
import org.civitas.store.vault.VaultStore;
import org.civitas.transparency.Inclusion;
import org.civitas.transparency.LedgerLogs;
import org.civitas.transparency.Witnessing;
import org.civitas.vault.VaultEvent;

/**
 * The transparency logs in public: a log's latest signed checkpoint (with its witnesses' cosignatures) and the key
 * that signs it (text, in the signed-note forms standard verifiers read), consistency proofs between two sizes, the
 * witnesses' cosignatures, taken and listed, and for a person the proof that one of their events is in its log. The
 * file ledger is one log; on Kafka, each partition of the ledger topic is one, named by {@code ?partition=}.
 */
public final class LogApi {

    private final LedgerLogs logs;
    private final VaultStore vault;
    private final ObjectMapper json;

    public LogApi(LedgerLogs logs, VaultStore vault, ObjectMapper json) {
        this.logs = logs;
        this.vault = vault;
        this.json = json;
    }

    public void register(RoutesConfig routes) {
        routes.get("/api/v1/log/checkpoint", ctx -> text(ctx, logs.checkpoint(log(ctx))), Access.PUBLIC);
        routes.get("/api/v1/log/witnesses", ctx -> ctx.json(Map.of("witnesses", logs.cosignatures(log(ctx))
                .stream().map(WitnessView::of).toList())), Access.PUBLIC);
        routes.post("/api/v1/log/cosignatures", this::cosign, Access.PUBLIC);
        routes.get("/api/v1/log/key", ctx -> text(ctx, logs.verifierKey() + "\n"), Access.PUBLIC);
        routes.get("/api/v1/log/consistency", this::consistency, Access.PUBLIC);
        routes.get("/api/v1/me/events/{id}/proof", this::proof, Access.CITIZEN);
    }

    /** The log {@code ?partition=} names; the one there is, if there is one. */
    private int log(Context ctx) {
        String text = ctx.queryParam("partition");
        if (text == null && logs.count() == 1) {
            return 0;
        }
        if (text == null || !text.matches("[0-9]{1,9}") || Integer.parseInt(text) >= logs.count()) {
            String not = text == null ? "" : ", not '" + text + "'";
            throw new InvalidInputException("partition", logs.count() == 1 ? "the ledger is one log, 0" + not
                    : "the ledger is " + logs.count() + " logs, one a partition: name one, from 0 to "
                            + (logs.count() - 1) + not);
        }
        return Integer.parseInt(text);
    }

    private static void text(Context ctx, String text) {
        ctx.contentType("text/plain; charset=utf-8").result(text);
    }

    /** {@code {"key","note"}}: a witness's cosignature of one of the latest checkpoints, by its verifier key. */
    private void cosign(Context ctx) throws IOException {
        JsonNode body = JsonBodies.read(ctx, json);
        ctx.status(201).json(WitnessView.of(logs.cosign(body.path("key").asText(""), body.path("note").asText(""))));
    }

    /** A witness's latest cosignature: who, with which key, of how many entries, when. */
    record WitnessView(String witness, String key, long size, Instant cosignedAt) {

        static WitnessView of(Witnessing.Cosignature cosignature) {
            return new WitnessView(cosignature.witness(), cosignature.key(), cosignature.size(), cosignature.at());
        }
    }

    /**
     * {@code ?from=&to=[&partition=]}: the proof that the log at {@code from} entries is a prefix of the log at
     * {@code to}.
     */
    private void consistency(Context ctx) {
        long from = size(ctx, "from");
        long to = size(ctx, "to");
        ctx.json(ConsistencyProof.of(from, to, logs.consistency(log(ctx), from, to)));
    }

    /**
     * The proof that the signed-in person's event {@code id} (of {@code ?source=}, if two of their events have that
     * id) is in the log, against the latest checkpoint, as a file to keep.
     */
    private void proof(Context ctx) {
        String person = Authentication.person(ctx);
        String id = ctx.pathParam("id");
        Optional<String> source = Optional.ofNullable(ctx.queryParam("source")).filter(name -> !name.isEmpty());
        List<VaultEvent> found = new ArrayList<>();
        vault.forEach(person, event -> {
            if (event.eventId().equals(id) && source.map(event.source()::equals).orElse(true)) {
                found.add(event);
            }
        });
        if (found.isEmpty()) {
            throw new NotFoundException("you have no event '" + id + "'" + source.map(name -> " from " + name)
                    .orElse(""));
        }
        if (found.size() > 1) {
            throw new InvalidInputException("source", "events of " + found.size() + " sources have the id '" + id
                    + "': name one");
        }
        Inclusion inclusion = logs.prove(found.get(0).sequence());
        ctx.header("Content-Disposition", "attachment; filename=\"proof-" + inclusion.index() + ".json\"");
        ctx.json(InclusionProof.of(inclusion));
    }

    private static long size(Context ctx, String name) {
        String text = ctx.queryParam(name);
        if (text == null || !text.matches("[0-9]{1,18}")) {
            throw new InvalidInputException(name, "a number of entries, not '" + text + "'");
        }
        return Long.parseLong(text);
    }
}
