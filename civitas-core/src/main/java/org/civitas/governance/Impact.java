package org.civitas.governance;

import java.time.Instant;
import java.util.List;

/**
 * What a proposed rule book would do to everyone's score, over a window of the real history: published before anyone
 * votes. Totals are always given; a breakdown cell about fewer than {@value #LEAST_PEOPLE_IN_A_CELL} people is
 * suppressed (its {@code people} is null), as in the public statistics.
 *
 * @param people the people with an event in the window that a rule of either book reads
 * @param affected those whose score, to the hundredth, would change
 * @param bands how many people each size of change would reach
 * @param before the distribution of scores under the book in force
 * @param after the distribution of scores under the proposed book
 * @param crossBelow1000 people at or above 1000 who would fall below it: an offer of help opened
 * @param crossAbove1000 people below 1000 who would rise to it or above: an offer of help no longer needed
 * @param matchedEvents events a rule that the proposal adds, changes or retires matches, under either book
 */
public record Impact(
        Instant from, Instant to, long people, long affected, List<Cell> bands, List<Cell> before, List<Cell> after,
        double meanChange, double medianChange, long crossBelow1000, long crossAbove1000, long matchedEvents) {

    /** The fewest people a published cell may be about. */
    public static final int LEAST_PEOPLE_IN_A_CELL = 20;

    public Impact {
        bands = List.copyOf(bands);
        before = List.copyOf(before);
        after = List.copyOf(after);
    }

    /**
     * People whose value lies in {@code [from, to)}; an open end is null. A band of no change has {@code from} and
     * {@code to} both 0.
     *
     * @param people how many, or null when fewer than {@value #LEAST_PEOPLE_IN_A_CELL}
     */
    public record Cell(Double from, Double to, Long people) {
    }
}
