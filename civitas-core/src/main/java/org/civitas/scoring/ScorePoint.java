package org.civitas.scoring;

import java.time.Instant;

/** A person's score at one instant, rounded as reported. */
public record ScorePoint(Instant at, double score) {
}
