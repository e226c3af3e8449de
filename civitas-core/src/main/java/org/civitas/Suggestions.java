package org.civitas;

import java.util.Collection;
import java.util.Optional;

/** Finds the known name a mistyped one was most likely meant to be, for "did you mean" hints. */
public final class Suggestions {

    private Suggestions() {
    }

    /** The closest of {@code known} to {@code typed}, if one is close enough to be a plausible typo. */
    public static Optional<String> closest(String typed, Collection<String> known) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : known) {
            int distance = distance(typed.toLowerCase(), candidate.toLowerCase());
            if (distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
        int tolerated = Math.max(1, typed.length() / 3);
        return bestDistance <= tolerated ? Optional.of(best) : Optional.empty();
    }

    /** A " — did you mean 'x'?" suffix, or nothing. */
    public static String hint(String typed, Collection<String> known) {
        return closest(typed, known).map(name -> " — did you mean '" + name + "'?").orElse("");
    }

    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
