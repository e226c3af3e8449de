package org.civitas.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.civitas.governance.BookHistory;
import org.civitas.kafka.runtime.KafkaConfig;
import org.civitas.kafka.runtime.KafkaConfigFile;
import org.civitas.kafka.runtime.KafkaLedger;
import org.civitas.kafka.transparency.PartitionLogs;
import org.civitas.ledger.FileLedger;
import org.civitas.ledger.UnreadableEntry;
import org.civitas.ledger.Verification;
import org.civitas.officials.OfficialRecord;
import org.civitas.transparency.KeptCheckpoints;
import org.civitas.transparency.TransparencyLog;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(
        name = "verify",
        mixinStandardHelpOptions = true,
        description = {
            "Walks the ledger's hash chain from the first entry to the last, reading every entry as an event, and",
            "checks every checkpoint the server's transparency log kept against the ledger's Merkle tree.",
            "Exits 0 when it is intact and every entry is readable; 1 naming the first altered, dropped or",
            "reordered entry; 3 naming the entries that are intact but cannot be read as events.",
            "With --config, checks the chain of every partition of a Kafka runtime's ledger in the same way, that",
            "each entry is in its person's partition, under its person's key, and the checkpoints kept of each",
            "partition's log ('civitas log checkpoint --config')."
        })
final class VerifyCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @ArgGroup(multiplicity = "1")
    private LedgerLocation where;

    @Override
    public Integer call() {
        if (where.config != null) {
            return verifyPartitions(KafkaConfigFile.read(where.config));
        }
        Path data = where.data;
        Verification verification = FileLedger.verify(data);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!verification.intact()) {
            err.println("civitas verify: the ledger is NOT intact: " + verification.damage().orElseThrow());
            err.println("  " + verification.entries() + " entries before it are sound.");
            err.flush();
            return Civitas.FAILED;
        }
        out.println("intact: " + verification.entries() + " entries, chain head " + verification.headHash());
        if (BookHistory.exists(data) && !intact(BookHistory.verify(data), "governance",
                "the governance ledger, which keeps the adopted rule books,", "rule book versions", out, err)) {
            return Civitas.FAILED;
        }
        if (OfficialRecord.exists(data) && !intact(OfficialRecord.verify(data), "official record",
                "the official record, which keeps every act of an official,", "acts", out, err)) {
            return Civitas.FAILED;
        }
        if (TransparencyLog.kept(data)) {
            KeptCheckpoints.Check log = TransparencyLog.checkKept(data);
            if (log.problem().isPresent()) {
                err.println("civitas verify: the transparency log does NOT match the ledger: " + log.problem().get());
                err.flush();
                return Civitas.FAILED;
            }
            out.println("transparency log: " + log.checkpoints() + " kept checkpoints, each signed by the log's key"
                    + " and matching the ledger's " + log.entries() + " entries");
        }
        verification.damage().ifPresent(unfinished -> out.println("note: " + unfinished
                + "; the next ingest discards it"));
        out.flush();
        if (!verification.readable()) {
            reportUnreadable(verification, err);
            return Civitas.UNREADABLE;
        }
        return 0;
    }

    private int verifyPartitions(KafkaConfig config) {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Optional<PartitionLogs.Taking> logs = config.data().filter(PartitionLogs::kept)
                .map(data -> PartitionLogs.taking(config.kafka(), data));
        List<KafkaLedger.PartitionCheck> checks = KafkaLedger.verify(config.kafka(),
                logs.isPresent() ? logs.get() : (partition, person, body) -> { });
        for (KafkaLedger.PartitionCheck check : checks) {
            if (check.damage().isPresent()) {
                err.println("civitas verify: the ledger is NOT intact: " + check.damage().get());
            } else {
                out.println("partition " + check.partition() + " intact: " + check.entries() + " entries");
            }
            if (check.unreadable() > 0) {
                err.println("civitas verify: partition " + check.partition() + ": " + check.unreadable()
                        + " entries are intact but cannot be read as events");
            }
        }
        out.flush();
        err.flush();
        if (checks.stream().anyMatch(check -> check.damage().isPresent())
                || !logs.map(taken -> keptCheckpointsMatch(taken.logs(), out, err)).orElse(true)) {
            return Civitas.FAILED;
        }
        return checks.stream().anyMatch(check -> check.unreadable() > 0) ? Civitas.UNREADABLE : 0;
    }

    /** Whether every checkpoint kept of each partition's log states the partition as the topic holds it now. */
    private static boolean keptCheckpointsMatch(PartitionLogs logs, PrintWriter out, PrintWriter err) {
        List<KeptCheckpoints.Check> checks = logs.checkKept();
        boolean match = true;
        for (int partition = 0; partition < checks.size(); partition++) {
            KeptCheckpoints.Check check = checks.get(partition);
            if (check.problem().isPresent()) {
                err.println("civitas verify: the transparency log of partition " + partition + " does NOT match the"
                        + " ledger: " + check.problem().get());
                match = false;
            } else {
                out.println("transparency log, partition " + partition + ": " + check.checkpoints()
                        + " kept checkpoints, each signed by the log's key and matching its " + check.entries()
                        + " entries");
            }
        }
        out.flush();
        err.flush();
        return match;
    }

    /** Whether a chain beside the events' is intact and readable; says so, or what is wrong with it. */
    private static boolean intact(Verification chain, String name, String described, String entries, PrintWriter out,
            PrintWriter err) {
        if (!chain.intact() || !chain.readable()) {
            err.println("civitas verify: " + described + " is NOT intact: " + chain.damage().map(Object::toString)
                    .orElse(chain.unreadableCount() + " entries cannot be read"));
            err.flush();
            out.flush();
            return false;
        }
        out.println(name + " intact: " + chain.entries() + " " + entries + ", chain head " + chain.headHash());
        return true;
    }

    private static void reportUnreadable(Verification verification, PrintWriter err) {
        long count = verification.unreadableCount();
        err.println("civitas verify: " + (count == 1 ? "1 entry is" : count + " entries are")
                + " intact but cannot be read as events:");
        for (UnreadableEntry entry : verification.unreadable()) {
            err.println("  " + entry);
        }
        if (count > verification.unreadable().size()) {
            err.println("  and " + (count - verification.unreadable().size()) + " more");
        }
        err.println("The chain proves they are as they were written. The server sets them aside and serves the rest;"
                + " 'civitas repair' shows each in its person's vault as an entry that could not be read.");
        err.flush();
    }
}
