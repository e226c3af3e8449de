package org.civitas.bench;

import io.javalin.Javalin;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The peer of the score endpoint's load test: a bare Javalin server that answers {@code GET /score} with a fixed
 * JSON document, the same bytes the real endpoint returned, and does nothing else.
 *
 * <pre>java -cp benchmarks.jar org.civitas.bench.BareEndpoint PORT FILE</pre>
 */
public final class BareEndpoint {

    private BareEndpoint() {
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        byte[] body = Files.readString(Path.of(args[1])).getBytes(StandardCharsets.UTF_8);
        Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.routes.get("/score", ctx -> ctx.contentType("application/json").result(body));
        }).start("127.0.0.1", port);
        System.out.println("bare endpoint on port " + port + ", " + body.length + " bytes");
    }
}
