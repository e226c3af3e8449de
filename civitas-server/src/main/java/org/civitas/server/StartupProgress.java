package org.civitas.server;

/** Hears how far a starting server has come, for a progress bar. */
@FunctionalInterface
public interface StartupProgress {

    StartupProgress SILENT = (phase, done, total) -> {
    };

    /** In {@code phase}, {@code done} of {@code total} units are done. */
    void progress(String phase, long done, long total);
}
