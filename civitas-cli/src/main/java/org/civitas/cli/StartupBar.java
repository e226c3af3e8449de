package org.civitas.cli;

import org.civitas.server.StartupProgress;

/** Shows a starting server's progress, a bar per phase. */
final class StartupBar implements StartupProgress, AutoCloseable {

    private String phase;
    private Progress bar;
    private long shown;

    @Override
    public void progress(String newPhase, long done, long total) {
        if (!newPhase.equals(phase)) {
            close();
            phase = newPhase;
            bar = Progress.start(newPhase, total, "entries", 1);
            shown = 0;
        }
        bar.advance(done - shown);
        shown = done;
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
            bar = null;
        }
    }
}
