package org.civitas.server.ops;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.civitas.projection.Projectors;
import org.civitas.scoring.ScoreBoard;
import org.civitas.server.http.Access;
import org.civitas.server.live.LiveFeeds;

/** {@code GET /metrics}: the server's figures in Prometheus' text format. */
public final class Metrics {

    private static final String STARTED = "civitas.requestStarted";

    private final PrometheusMeterRegistry registry;
    private final Map<String, Timer> timers = new ConcurrentHashMap<>();

    public Metrics(PrometheusMeterRegistry registry) {
        this.registry = registry;
    }

    public static PrometheusMeterRegistry newRegistry() {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        new JvmMemoryMetrics().bindTo(registry);
        new JvmGcMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        return registry;
    }

    /**
     * Gauges of the ledger, the projection, the live scores and the live feeds. A gauge holds what it reads only
     * weakly, so the server must keep each of them for as long as it runs.
     */
    public static void watch(PrometheusMeterRegistry registry, Projectors projectors, ScoreBoard scores,
            LiveFeeds feeds) {
        Gauge.builder("civitas.ledger.entries", projectors, Projectors::committed)
                .description("entries committed to the ledger").register(registry);
        Gauge.builder("civitas.vault.lag", projectors, Projectors::lag)
                .description("ledger entries not yet in the vault").register(registry);
        Gauge.builder("civitas.people", scores, ScoreBoard::people)
                .description("people with events in the ledger").register(registry);
        Gauge.builder("civitas.live.feeds", feeds, LiveFeeds::open)
                .description("open live feeds").register(registry);
        Gauge.builder("civitas.rules.evaluation.errors", scores,
                        board -> board.evaluationErrors().values().stream().mapToLong(Long::longValue).sum())
                .description("events a rule condition could not be evaluated for").register(registry);
    }

    public void register(RoutesConfig routes) {
        routes.get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4").result(registry.scrape()),
                Access.PUBLIC);
        routes.before(ctx -> ctx.attribute(STARTED, System.nanoTime()));
        routes.afterMatched(this::time);
    }

    private void time(Context ctx) {
        Long started = ctx.attribute(STARTED);
        if (started == null || ctx.endpoint() == null) {
            return;
        }
        String method = ctx.method().name();
        String route = ctx.endpoint().path;
        int status = ctx.statusCode();
        timers.computeIfAbsent(method + ' ' + route + ' ' + status, key -> Timer.builder("http.server.requests")
                        .tag("method", method)
                        .tag("route", route)
                        .tag("status", Integer.toString(status))
                        .register(registry))
                .record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
    }
}
