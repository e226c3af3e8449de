package org.civitas.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.civitas.ledger.FileLedger;
import org.civitas.ledger.Verification;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "verify",
        mixinStandardHelpOptions = true,
        description = {
            "Walks the ledger's hash chain from the first entry to the last.",
            "Exits 0 when it is intact; otherwise exits 1 naming the first altered, dropped or reordered entry."
        })
final class VerifyCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--data", required = true, description = "The data directory holding the ledger.")
    private Path data;

    @Override
    public Integer call() {
        Verification verification = FileLedger.verify(data);
        PrintWriter out = spec.commandLine().getOut();
        if (!verification.intact()) {
            PrintWriter err = spec.commandLine().getErr();
            err.println("civitas verify: the ledger is NOT intact: " + verification.damage().orElseThrow());
            err.println("  " + verification.entries() + " entries before it are sound.");
            err.flush();
            return Civitas.FAILED;
        }
        out.println("intact: " + verification.entries() + " entries, chain head " + verification.headHash());
        verification.damage().ifPresent(unfinished -> out.println("note: " + unfinished
                + "; the next ingest discards it"));
        out.flush();
        return 0;
    }
}
