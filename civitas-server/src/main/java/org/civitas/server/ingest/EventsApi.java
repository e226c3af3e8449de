package org.civitas.server.ingest;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.civitas.ingest.Admission;
import org.civitas.ingest.Intake;
import org.civitas.ingest.IntakeReport;
import org.civitas.ndjson.NdjsonReader;
import org.civitas.ndjson.OccurrenceWindow;
import org.civitas.ndjson.RefusedLines;
import org.civitas.projection.Projectors;
import org.civitas.server.api.IngestReport;
import org.civitas.server.http.Access;
import org.civitas.server.http.ApiException;
import org.civitas.source.RegisteredSource;

/**
 * {@code POST /api/v1/events}: a data source sends a signed NDJSON batch. The body streams to a spool file while its
 * signature is computed, and only a signed body is read, a megabyte at a time, so memory stays small whatever is
 * sent. Valid lines are appended to the ledger, the attributes of personal-only ones sealed, and acknowledged once
 * durable; each refused line (malformed, in another source's name, of a type the source did not register, in a
 * jurisdiction without a rule book, or from outside the window of instants taken) is counted, and the first
 * {@value RefusedLines#LISTED} are reported with their numbers.
 */
public final class EventsApi {

    /** The largest batch accepted. */
    public static final int MAX_BODY_BYTES = 16 * 1024 * 1024;

    private static final String TOO_LARGE = "a batch may hold at most " + MAX_BODY_BYTES + " bytes; send smaller ones";

    private final SourceAuthenticator authenticator;
    private final Intake intake;
    private final Projectors projectors;
    private final Set<String> jurisdictions;
    private final Clock clock;

    /** A door for batches of events in {@code jurisdictions}, those that have a rule book. */
    public EventsApi(SourceAuthenticator authenticator, Intake intake, Projectors projectors, Set<String> jurisdictions,
            Clock clock) {
        this.authenticator = authenticator;
        this.intake = intake;
        this.projectors = projectors;
        this.jurisdictions = Set.copyOf(jurisdictions);
        this.clock = clock;
    }

    public void register(RoutesConfig routes) {
        routes.post("/api/v1/events", this::receive, Access.SOURCE);
    }

    private void receive(Context ctx) throws IOException {
        if (ctx.contentLength() > MAX_BODY_BYTES) {
            throw new ApiException(413, TOO_LARGE);
        }
        SourceAuthenticator.SignedBody signed = authenticator.begin(ctx);
        Path spool = Files.createTempFile("civitas-batch-", ".ndjson");
        try {
            spool(ctx.bodyInputStream(), spool, signed);
            RegisteredSource source = signed.verify();
            try (InputStream body = Files.newInputStream(spool)) {
                answer(ctx, take(body, source));
            }
        } finally {
            Files.deleteIfExists(spool);
        }
    }

    /** Copies the body to {@code spool}, taking it into its signature on the way; refuses one too large (413). */
    private static void spool(InputStream body, Path spool, SourceAuthenticator.SignedBody signed)
            throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        try (OutputStream out = Files.newOutputStream(spool)) {
            for (int read = body.read(buffer); read >= 0; read = body.read(buffer)) {
                total += read;
                if (total > MAX_BODY_BYTES) {
                    throw new ApiException(413, TOO_LARGE);
                }
                signed.update(buffer, 0, read);
                out.write(buffer, 0, read);
            }
        }
    }

    /** Reads the signed batch a stretch at a time, appending each stretch's valid events durably. */
    private IntakeReport take(InputStream body, RegisteredSource source) throws IOException {
        return intake.take(body, NdjsonReader.onThisThread(OccurrenceWindow.receivedAt(clock.instant())),
                Admission.signedBy(source.registration(), jurisdictions), 0, Intake.Progress.NONE);
    }

    private void answer(Context ctx, IntakeReport taken) {
        RefusedLines refused = taken.refused();
        if (taken.taken() == 0 && refused.isEmpty()) {
            throw ApiException.badRequest("the batch holds no events: send one JSON event per line");
        }
        List<IngestReport.Rejection> rejected = refused.listed().stream()
                .map(error -> new IngestReport.Rejection(error.line(), error.field() + ": " + error.reason()))
                .toList();
        IngestReport report = new IngestReport(taken.accepted(), taken.duplicates(), refused.count(), rejected);
        if (taken.taken() == 0) {
            ctx.status(400).json(report);
            return;
        }
        projectors.awaitCaughtUp(Duration.ofSeconds(2));
        ctx.json(report);
    }
}
