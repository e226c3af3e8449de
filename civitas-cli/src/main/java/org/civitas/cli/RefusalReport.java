package org.civitas.cli;

import java.io.PrintWriter;
import org.civitas.ndjson.LineError;
import org.civitas.ndjson.RefusedLines;

/**
 * Reports refused lines on standard error as they are read, as {@code line N: field: why}: the first
 * {@value RefusedLines#LISTED} of them, then how many there were in all.
 */
final class RefusalReport {

    private final PrintWriter err;
    private final RefusedLines all = new RefusedLines();

    RefusalReport(PrintWriter err) {
        this.err = err;
    }

    /** Reports the refused lines of the next stretch of the input. */
    void add(RefusedLines stretch) {
        for (LineError error : all.addAll(stretch, 0)) {
            err.println(error.message());
        }
    }

    /** How many lines were refused. */
    long count() {
        return all.count();
    }

    /** Says how many lines were refused in all, when not all of them were listed. */
    void finish() {
        if (all.count() > RefusedLines.LISTED) {
            err.println(all.count() + " lines were refused in all; the first " + RefusedLines.LISTED
                    + " are listed above");
        }
        err.flush();
    }
}
