package org.civitas.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.BufferedOutputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.Callable;
import org.civitas.demo.CityGenerator;
import org.civitas.demo.DemoCity;
import org.civitas.event.EventJson;
import org.civitas.source.SourcesFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
        name = "generate",
        mixinStandardHelpOptions = true,
        description = {
            "Writes the history of a synthetic city as NDJSON events on standard output.",
            "Residents browse, move, watch, pay bills, cross streets and volunteer; most are fine, a few struggle.",
            "The same options always give the same events. The city's sources (for 'ingest --sources') and its rule",
            "books (for 'score --rules') can be written beside them."
        })
final class GenerateCommand implements Callable<Integer> {

    @Option(names = "--people", required = true, description = "How many residents.")
    private int people;

    @Option(names = "--days", required = true, description = "How many days of history.")
    private int days;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of the city (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = "--until", description = "End of the last day, an ISO-8601 instant (default: "
            + "2026-11-01T00:00:00Z).", converter = InstantConverter.class)
    private Instant until = CityGenerator.DEFAULT_UNTIL;

    @Option(names = {"-o", "--output"}, description = "Write to this file instead of standard output.")
    private Path output;

    @Option(names = "--write-sources", paramLabel = "FILE",
            description = "Also write the city's sources, their event types and categories, to this YAML file.")
    private Path sources;

    @Option(names = "--write-rules", paramLabel = "DIR",
            description = "Also write the city's rule books, one per jurisdiction, into this folder.")
    private Path rules;

    @Override
    public Integer call() throws IOException {
        if (sources != null) {
            SourcesFile.write(sources, DemoCity.sources());
        }
        if (rules != null) {
            DemoCity.writeRuleBooks(rules);
        }
        CityGenerator generator = new CityGenerator(new CityGenerator.Settings(people, days, seed, until));
        OutputStream target = output == null ? new FileOutputStream(java.io.FileDescriptor.out)
                : Files.newOutputStream(output);
        try (OutputStream out = new BufferedOutputStream(target, 1 << 16);
                JsonGenerator json = EventJson.lineGenerator(out)) {
            generator.generate(event -> {
                try {
                    EventJson.write(json, event);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            json.writeRaw('\n');
        }
        return 0;
    }
}
