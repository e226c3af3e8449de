package org.civitas.server.ingest;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.civitas.event.Event;
import org.civitas.event.EventParser;
import org.civitas.event.LineError;
import org.civitas.ledger.AppendResult;
import org.civitas.ledger.FileLedger;
import org.civitas.privacy.PersonalDataSeal;
import org.civitas.server.api.IngestReport;
import org.civitas.server.http.Access;
import org.civitas.server.http.ApiException;
import org.civitas.store.sources.RegisteredSource;

/**
 * {@code POST /api/v1/events}: a data source sends a signed NDJSON batch. Valid lines are appended to the ledger, the
 * attributes of personal-only ones sealed, and acknowledged once durable; each malformed line is reported with its
 * number; a line of a type the source did not register refuses the whole batch (403), since the source may be
 * misconfigured.
 */
public final class EventsApi {

    /** The largest batch accepted. */
    public static final int MAX_BODY_BYTES = 16 * 1024 * 1024;

    private final SourceAuthenticator authenticator;
    private final PersonalDataSeal seal;
    private final FileLedger ledger;
    private final Projector projector;

    public EventsApi(SourceAuthenticator authenticator, PersonalDataSeal seal, FileLedger ledger,
            Projector projector) {
        this.authenticator = authenticator;
        this.seal = seal;
        this.ledger = ledger;
        this.projector = projector;
    }

    public void register(RoutesConfig routes) {
        routes.post("/api/v1/events", this::receive, Access.SOURCE);
    }

    private void receive(Context ctx) {
        if (ctx.contentLength() > MAX_BODY_BYTES) {
            throw new ApiException(413, "a batch may hold at most " + MAX_BODY_BYTES + " bytes; send smaller ones");
        }
        byte[] body = ctx.bodyAsBytes();
        if (body.length > MAX_BODY_BYTES) {
            throw new ApiException(413, "a batch may hold at most " + MAX_BODY_BYTES + " bytes; send smaller ones");
        }
        RegisteredSource source = authenticator.authenticate(ctx, body);
        List<Event> parsed = new ArrayList<>();
        List<Long> lines = new ArrayList<>();
        List<LineError> errors = new ArrayList<>();
        EventParser.parseLines(body, 0, body.length, 1, parsed, lines, errors);
        List<Event> valid = new ArrayList<>(parsed.size());
        for (int i = 0; i < parsed.size(); i++) {
            Event event = parsed.get(i);
            if (!event.source().equals(source.name())) {
                errors.add(new LineError(lines.get(i), "source", "must be '" + source.name()
                        + "', the source this key belongs to, not '" + event.source() + "'"));
            } else if (source.type(event.type()).isEmpty()) {
                throw new ApiException(403, "source '" + source.name() + "' may not send events of type '"
                        + event.type() + "' (line " + lines.get(i) + "); it registered "
                        + source.types().stream().map(type -> "'" + type.type() + "'").toList()
                        + "; nothing of this batch was stored");
            } else {
                valid.add(seal.seal(event));
            }
        }
        if (parsed.isEmpty() && errors.isEmpty()) {
            throw ApiException.badRequest("the batch holds no events: send one JSON event per line");
        }
        List<IngestReport.Rejection> rejected = errors.stream()
                .sorted((a, b) -> Long.compare(a.line(), b.line()))
                .map(error -> new IngestReport.Rejection(error.line(), error.field() + ": " + error.reason()))
                .toList();
        if (valid.isEmpty()) {
            ctx.status(400).json(new IngestReport(0, 0, rejected));
            return;
        }
        seal.keys().sync();
        AppendResult result = ledger.append(valid);
        projector.awaitProjected(result.endSequence(), Duration.ofSeconds(2));
        ctx.json(new IngestReport(result.accepted(), result.duplicates(), rejected));
    }
}
