package org.civitas.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.civitas.kafka.runtime.KafkaConfig;
import org.civitas.kafka.runtime.KafkaConfigFile;
import org.civitas.kafka.runtime.LedgerStreams;
import org.civitas.scoring.Scorer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "streams",
        mixinStandardHelpOptions = true,
        description = {
            "Runs one instance of the Kafka runtime's stream processing, exactly once: it takes each event of the",
            "intake once, chains it into its person's partition of the ledger, and keeps it for scoring. Start as",
            "many instances as you like, on any machines, with the same configuration (two on one machine each",
            "with a stateDir of its own): they share the partitions, and one that stops or is killed is taken",
            "over. Runs until stopped; exits 1 if it fails."
        })
final class StreamsCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private RuleBookOptions ruleBooks = new RuleBookOptions();

    @Option(names = "--config", paramLabel = "FILE", required = true,
            description = "The configuration of the Kafka runtime (runtime: kafka, and its kafka section).")
    private Path config;

    @Override
    public Integer call() throws InterruptedException {
        KafkaConfig kafka = KafkaConfigFile.read(config);
        LedgerStreams streams = LedgerStreams.start(kafka.kafka(), new Scorer(ruleBooks.load(kafka)));
        Runtime.getRuntime().addShutdownHook(new Thread(streams::close, "streams-shutdown"));
        PrintWriter out = spec.commandLine().getOut();
        out.printf("streams are running: application %s on %s, %d partitions%n", kafka.kafka().applicationId(),
                kafka.kafka().bootstrap(), kafka.kafka().partitions());
        out.flush();
        if (streams.awaitStop()) {
            PrintWriter err = spec.commandLine().getErr();
            err.println("civitas streams: the stream processing failed (see the log above); the other instances take"
                    + " its partitions");
            err.flush();
            return Civitas.FAILED;
        }
        return 0;
    }
}
