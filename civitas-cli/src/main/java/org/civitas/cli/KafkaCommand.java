package org.civitas.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.civitas.kafka.broker.KafkaBroker;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "kafka",
        mixinStandardHelpOptions = true,
        description = {
            "Runs a single-node Apache Kafka broker (KRaft) in this process, on the loopback address, its log in",
            "DIR/kafka: for trying Civitas on Kafka. Runs until stopped; a restart takes the log up again."
        })
final class KafkaCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--data", required = true, description = "The data directory; the broker's log is in its kafka/.")
    private Path data;

    @Option(names = "--port", defaultValue = "9092", description = "The port clients connect to (default:"
            + " ${DEFAULT-VALUE}; 0 for a free one).")
    private int port;

    @Override
    public Integer call() {
        KafkaBroker broker = KafkaBroker.start(data.resolve("kafka"), port);
        Runtime.getRuntime().addShutdownHook(new Thread(broker::close, "kafka-shutdown"));
        PrintWriter out = spec.commandLine().getOut();
        out.printf("Kafka is running: %s (log in %s)%n", broker.bootstrapServers(), data.resolve("kafka"));
        out.flush();
        broker.awaitShutdown();
        return 0;
    }
}
