package org.civitas.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import org.civitas.scoring.Contribution;
import org.civitas.scoring.PersonScore;
import org.civitas.scoring.ScoreSheet;

/** Scores as a table for people to read: one row per person, with what moved their score most. */
final class ScoreTable {

    private ScoreTable() {
    }

    static void write(ScoreSheet sheet, OutputStream target) throws IOException {
        PrintStream out = new PrintStream(target, false, StandardCharsets.UTF_8);
        out.printf("%-14s %9s %13s  %s%n", "PERSON", "SCORE", "CONTRIBUTIONS", "WEIGHTIEST REASON (WORTH NOW)");
        for (PersonScore person : sheet.people()) {
            String reason = person.contributions().stream()
                    .max(Comparator.comparingDouble(contribution -> Math.abs(contribution.worth())))
                    .map(ScoreTable::describe)
                    .orElse("-");
            out.printf("%-14s %9.2f %13d  %s%n", person.person(), person.roundedScore(), person.contributions().size(),
                    reason);
        }
        out.flush();
    }

    private static String describe(Contribution contribution) {
        return String.format("%s (%+.2f)", contribution.title(), contribution.worth());
    }
}
