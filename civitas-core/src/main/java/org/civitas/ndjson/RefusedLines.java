package org.civitas.ndjson;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * The lines of an input that were refused: the errors of the first {@link #LISTED} of them, and how many there were
 * in all. However many bad lines a hostile input holds, what is kept of them stays small. Errors are added in line
 * order. Not thread-safe.
 */
public final class RefusedLines {

    /** How many refused lines are listed with their errors; past that, they are only counted. */
    public static final int LISTED = 1_000;

    private final int limit;
    private final List<LineError> listed = new ArrayList<>();
    private long count;
    private long lastLine = Long.MIN_VALUE;

    /** Refused lines of which the first {@value #LISTED} are listed. */
    public RefusedLines() {
        this(LISTED);
    }

    /** Refused lines of which the first {@code limit} are listed. */
    public RefusedLines(int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("a limit is not negative, was " + limit);
        }
        this.limit = limit;
    }

    /** Adds an error of a line at or after the line of the last one added; returns whether it is listed. */
    public boolean add(LineError error) {
        Objects.requireNonNull(error, "error");
        if (error.line() != lastLine) {
            count++;
            lastLine = error.line();
        }
        if (count > limit) {
            return false;
        }
        listed.add(error);
        return true;
    }

    /**
     * Adds the refused lines of a later part of the input, their line numbers moved on by {@code linesBefore};
     * returns the errors of theirs that are listed here.
     */
    public List<LineError> addAll(RefusedLines later, long linesBefore) {
        List<LineError> added = new ArrayList<>();
        for (LineError error : later.listed) {
            LineError placed = linesBefore == 0 ? error
                    : new LineError(error.line() + linesBefore, error.field(), error.reason());
            if (add(placed)) {
                added.add(placed);
            }
        }
        long unlisted = later.count - later.listedLines();
        count += unlisted;
        return added;
    }

    /**
     * The refused lines of {@code parsed} together with {@code more} errors of other lines of the same stretch, in
     * line order. Those past what {@code parsed} lists can only lie past its first {@link #LISTED} refused lines, so
     * they are counted, as its unlisted lines are.
     */
    static RefusedLines merged(RefusedLines parsed, List<LineError> more) {
        if (more.isEmpty()) {
            return parsed;
        }
        RefusedLines merged = new RefusedLines(parsed.limit);
        List<LineError> listed = parsed.listed;
        int i = 0;
        int j = 0;
        while (i < listed.size() || j < more.size()) {
            boolean fromParsed = j >= more.size() || i < listed.size() && listed.get(i).line() <= more.get(j).line();
            merged.add(fromParsed ? listed.get(i++) : more.get(j++));
        }
        merged.count += parsed.count - parsed.listedLines();
        return merged;
    }

    /** The errors of the first lines refused, in line order. */
    public List<LineError> listed() {
        return Collections.unmodifiableList(listed);
    }

    /** How many lines were refused, listed or not. */
    public long count() {
        return count;
    }

    public boolean isEmpty() {
        return count == 0;
    }

    /** How many distinct lines {@link #listed()} speaks of. */
    private long listedLines() {
        return Math.min(count, limit);
    }
}
