package org.civitas.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import org.civitas.projection.ProjectionRepair;
import org.civitas.server.ServerConfigFile;
import org.civitas.server.ServerSettings;
import org.civitas.server.ops.Repair;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "repair",
        mixinStandardHelpOptions = true,
        description = {
            "Projects again the ledger entries the server set aside, with the server stopped. It repairs the",
            "projection, never the ledger, which it only reads. An entry that can now be read goes into its",
            "person's vault; one that still cannot is recorded as unreadable, and its person's vault shows who",
            "sent what when, and why the rest cannot be read. Prints one line per entry."
        })
final class RepairCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @ArgGroup(multiplicity = "1")
    private Where where;

    static final class Where {
        @Option(names = "--data", paramLabel = "DIR", required = true,
                description = "The data directory of a server on embedded storage.")
        Path data;

        @Option(names = "--config", paramLabel = "FILE", required = true,
                description = "The configuration the server runs with (civitas serve --config).")
        Path config;
    }

    @Override
    public Integer call() {
        ServerSettings settings = where.config != null ? ServerConfigFile.read(where.config)
                : ServerSettings.embedded(where.data, 0);
        List<ProjectionRepair.Outcome> outcomes = Repair.run(settings.dataDirectory(), settings.storage(),
                Clock.systemUTC());
        PrintWriter out = spec.commandLine().getOut();
        for (ProjectionRepair.Outcome outcome : outcomes) {
            out.println("entry " + outcome.sequence() + ": " + (outcome.projected() ? "projected"
                    : "recorded as unreadable" + (outcome.placeholder() ? ", shown as such in its person's vault"
                            : "") + ": " + outcome.reason().orElseThrow()));
        }
        long projected = outcomes.stream().filter(ProjectionRepair.Outcome::projected).count();
        out.println(outcomes.isEmpty() ? "nothing is set aside" : "repaired " + outcomes.size() + " set-aside "
                + (outcomes.size() == 1 ? "entry" : "entries") + ": " + projected + " projected, "
                + (outcomes.size() - projected) + " recorded as unreadable");
        out.flush();
        return 0;
    }
}
