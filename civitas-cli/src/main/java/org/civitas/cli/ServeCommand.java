package org.civitas.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.civitas.server.CivitasServer;
import org.civitas.server.ServerConfigFile;
import org.civitas.server.ServerSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "serve",
        mixinStandardHelpOptions = true,
        description = {
            "Runs Civitas on configured storage: embedded (ledger files and H2) or PostgreSQL.",
            "The configuration is a YAML file: port, data (the ledger's directory), storage (kind: embedded or",
            "postgresql, with url, user and password or passwordEnv), and optionally rules and constitution;",
            "runtime: kafka with a kafka section runs it on the Kafka runtime (see examples/kafka.yaml)."
        })
final class ServeCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--config", required = true, paramLabel = "FILE", description = "The configuration (YAML).")
    private Path config;

    @Override
    public Integer call() throws InterruptedException {
        ServerSettings settings = ServerConfigFile.read(config);
        CivitasServer server;
        try (StartupBar bar = new StartupBar()) {
            server = CivitasServer.start(settings, bar);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "civitas-shutdown"));
        PrintWriter out = spec.commandLine().getOut();
        out.printf("Civitas is running: %s (ledger %s)%n", server.url(), settings.kafka()
                .map(kafka -> "on Kafka at " + kafka.bootstrap() + ", topic " + kafka.topics().ledger())
                .orElseGet(() -> "in " + settings.dataDirectory()));
        out.flush();
        Thread.currentThread().join();
        return 0;
    }
}
