package org.civitas.server.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.config.RoutesConfig;
import io.javalin.config.SizeUnit;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpResponseException;
import io.javalin.http.sse.SseHandler;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import io.javalin.router.Endpoint;
import io.javalin.router.ParsedEndpoint;
import io.javalin.security.Roles;
import io.javalin.security.RouteRole;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.civitas.dispute.DisputeFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The web application: JSON, static files, security headers, authentication before every route, and errors as JSON
 * for the API and as pages for people. The routes themselves come from the features that own them.
 */
public final class HttpApp {

    private static final Logger LOG = LoggerFactory.getLogger(HttpApp.class);
    private static final String METHOD_OVERRIDE = "X-HTTP-Method-Override";

    private HttpApp() {
    }

    /**
     * The application, with {@code authentication} run before every matched route (it may refuse the request with an
     * {@link ApiException}) and {@code errorPage} showing people what failed: a refusal with its status
     * ({@link Refusals}), anything else as a logged 500.
     */
    public static Javalin create(ObjectMapper json, Handler authentication, ErrorPage errorPage,
            Consumer<RoutesConfig> routes) {
        return Javalin.create(config -> {
            configure(config, json);
            config.routes.before(HttpApp::refuseMethodOverride);
            config.routes.beforeMatched(authentication);
            config.routes.after(SecurityHeaders::apply);
            routes.accept(config.routes);
            answerHeadAsGet(config);
            // Javalin answers its own refusals (an unknown path, say) unless they have a handler of their own.
            config.routes.exception(HttpResponseException.class,
                    (e, ctx) -> fail(ctx, errorPage, e.getStatus(), e.getMessage()));
            config.routes.exception(Exception.class, (e, ctx) -> Refusals.statusOf(e).ifPresentOrElse(
                    status -> fail(ctx, errorPage, status, e.getMessage()), () -> {
                        LOG.error("{} {} failed", ctx.method(), ctx.path(), e);
                        fail(ctx, errorPage, 500, "the server failed to answer; the failure is logged");
                    }));
            config.routes.error(404, ctx -> {
                if (ctx.result() == null || ctx.result().isEmpty()) {
                    fail(ctx, errorPage, 404, "nothing here: " + ctx.path());
                }
            });
        });
    }

    private static void configure(JavalinConfig config, ObjectMapper json) {
        config.jsonMapper(new JavalinJackson(json, false));
        // What a handler may read whole into memory: forms and JSON bodies. A batch of events streams instead.
        config.http.maxRequestSize = JsonBodies.MAX_BYTES;
        // A file sent through a page's form (evidence for a dispute) is read in memory, never to a temporary file.
        config.jetty.multipartConfig.maxFileSize(DisputeFiles.MAX_BYTES, SizeUnit.BYTES);
        config.jetty.multipartConfig.maxInMemoryFileSize(DisputeFiles.MAX_BYTES, SizeUnit.BYTES);
        config.jetty.multipartConfig.maxTotalRequestSize(Forms.MAX_UPLOAD_BYTES, SizeUnit.BYTES);
        config.startup.showJavalinBanner = false;
        config.staticFiles.add(files -> {
            files.hostedPath = "/static";
            files.directory = "/public";
            files.location = Location.CLASSPATH;
            files.roles = Set.of(Access.PUBLIC);
        });
        config.staticFiles.add(files -> {
            files.hostedPath = "/webjars";
            files.directory = "/META-INF/resources/webjars";
            files.location = Location.CLASSPATH;
            files.roles = Set.of(Access.PUBLIC);
        });
    }

    /**
     * Gives every GET route a HEAD route with the same handler and access. Left alone, Javalin answers a HEAD to a GET
     * route itself: refused to everyone but the public, since it finds no roles for it, and otherwise an empty 200
     * without running the route, whatever the GET would have answered. A live feed's HEAD answers the headers a feed
     * begins with, rather than hold a stream open that sends nothing.
     */
    private static void answerHeadAsGet(JavalinConfig config) {
        for (ParsedEndpoint parsed : List.copyOf(config.unsafe.internalRouter.allHttpHandlers())) {
            Endpoint get = parsed.endpoint;
            if (get.method != HandlerType.GET) {
                continue;
            }
            Roles roles = get.metadata(Roles.class);
            Handler head = get.handler instanceof SseHandler ? ctx -> ctx.contentType("text/event-stream")
                    : get.handler;
            config.routes.head(get.path, head, roles == null ? new RouteRole[0]
                    : roles.getRoles().toArray(RouteRole[]::new));
        }
    }

    /**
     * Refuses a request that names another method in {@value #METHOD_OVERRIDE}. Javalin would route it, and check it,
     * as that method: a GET could then sign out or revoke, and a filter in front of the server that allows only some
     * methods would be bypassed.
     */
    private static void refuseMethodOverride(Context ctx) {
        if (ctx.req().getHeader(METHOD_OVERRIDE) != null) {
            throw ApiException.badRequest(METHOD_OVERRIDE + " is not supported: send the request with its own method");
        }
    }

    private static void fail(Context ctx, ErrorPage errorPage, int status, String message) {
        if (!forPeople(ctx)) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("error", message);
            body.put("status", status);
            ctx.status(status).json(body);
        } else if (status == 401) {
            ctx.redirect("/login?next=" + URLEncoder.encode(ctx.path(), StandardCharsets.UTF_8));
        } else {
            errorPage.show(ctx, status, message);
        }
    }

    /** Whether the request came from a page rather than a program: anything outside the API and the probes. */
    private static boolean forPeople(Context ctx) {
        String path = ctx.path();
        return !path.startsWith("/api/") && !path.equals("/health") && !path.equals("/metrics")
                && !"true".equals(ctx.header("HX-Request"));
    }
}
