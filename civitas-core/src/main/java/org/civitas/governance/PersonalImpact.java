package org.civitas.governance;

/** What a proposal would do to one person's score, shown to that person alone. */
public record PersonalImpact(double before, double after, double change) {
}
