package org.civitas.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * Where a command finds the ledger, one or the other: the file ledger of a data directory, or the ledger topic of the
 * Kafka runtime a configuration describes.
 */
final class LedgerLocation {

    @Option(names = "--data", paramLabel = "DIR", required = true,
            description = "The data directory of the ledger (ingest creates it if need be).")
    Path data;

    @Option(names = "--config", paramLabel = "FILE", required = true,
            description = "The configuration of a Kafka runtime (runtime: kafka), for its ledger topic.")
    Path config;
}
