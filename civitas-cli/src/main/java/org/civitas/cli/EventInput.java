package org.civitas.cli;

import java.io.FileInputStream;
import java.io.FileDescriptor;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** An NDJSON file named on the command line, or standard input for {@code -}. */
record EventInput(String name) {

    boolean isStandardInput() {
        return name.equals("-");
    }

    InputStream open() throws IOException {
        return isStandardInput() ? new FileInputStream(FileDescriptor.in) : Files.newInputStream(Path.of(name));
    }

    /** The size in bytes, or -1 when unknown (standard input). */
    long size() {
        try {
            return isStandardInput() ? -1 : Files.size(Path.of(name));
        } catch (IOException e) {
            return -1;
        }
    }
}
