package org.civitas.ledger;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Segment files are named by the sequence number of their first entry, so their names sort in ledger order. */
final class Segments {

    static final String SUFFIX = ".segment";

    private Segments() {
    }

    static List<Path> list(Path ledgerDirectory) throws IOException {
        if (!Files.isDirectory(ledgerDirectory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(ledgerDirectory)) {
            return files.filter(file -> file.getFileName().toString().endsWith(SUFFIX)).sorted().toList();
        }
    }

    static Path name(Path ledgerDirectory, long firstSequence) {
        return ledgerDirectory.resolve(String.format("%020d%s", firstSequence, SUFFIX));
    }
}
