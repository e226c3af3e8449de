package org.civitas.cli;

import java.io.FileInputStream;
import java.io.FileDescriptor;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.civitas.CivitasException;

/** An NDJSON file named on the command line, or standard input for {@code -}. */
record EventInput(String name) {

    boolean isStandardInput() {
        return name.equals("-");
    }

    InputStream open() {
        if (isStandardInput()) {
            return new FileInputStream(FileDescriptor.in);
        }
        try {
            return Files.newInputStream(Path.of(name));
        } catch (NoSuchFileException e) {
            throw new CivitasException("no such file: " + name);
        } catch (IOException e) {
            throw new CivitasException("cannot read " + name + ": " + e.getMessage(), e);
        }
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
