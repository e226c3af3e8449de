package org.civitas.ndjson;

import org.civitas.event.Utf8;

/**
 * Checks that bytes hold one JSON value, without building anything. It accepts a strict subset of what the full
 * parser accepts: standard JSON in well-formed UTF-8, with names of at most {@link #MAX_NAME_BYTES} bytes, numbers of
 * at most {@link #MAX_NUMBER_BYTES} and nesting to {@link #MAX_DEPTH}. Whatever it refuses goes to the full parser,
 * which has the last word, so refusing is always safe and accepting never is unless the full parser accepts too.
 */
final class JsonCheck {

    static final int MAX_DEPTH = 16;
    static final int MAX_NAME_BYTES = 1024;
    static final int MAX_NUMBER_BYTES = 64;

    private JsonCheck() {
    }

    /**
     * Where the JSON object starting at {@code at} ends (just after its closing brace), or -1 if it is not one this
     * check accepts or does not end before {@code end}.
     */
    static int object(byte[] bytes, int at, int end) {
        return at < end && bytes[at] == '{' ? container(bytes, at, end, 1, (byte) '}') : -1;
    }

    private static int value(byte[] bytes, int at, int end, int depth) {
        if (at >= end) {
            return -1;
        }
        return switch (bytes[at]) {
            case '{' -> container(bytes, at, end, depth + 1, (byte) '}');
            case '[' -> container(bytes, at, end, depth + 1, (byte) ']');
            case '"' -> string(bytes, at, end, Integer.MAX_VALUE);
            case 't' -> literal(bytes, at, end, "true");
            case 'f' -> literal(bytes, at, end, "false");
            case 'n' -> literal(bytes, at, end, "null");
            default -> number(bytes, at, end);
        };
    }

    /**
     * Where the object or array opened at {@code at} ends (just after {@code close}), or -1; the members of an object
     * are named, those of an array are not.
     */
    private static int container(byte[] bytes, int at, int end, int depth, byte close) {
        if (depth > MAX_DEPTH) {
            return -1;
        }
        at = space(bytes, at + 1, end);
        if (at < end && bytes[at] == close) {
            return at + 1;
        }
        while (true) {
            if (close == '}') {
                at = string(bytes, at, end, MAX_NAME_BYTES);
                if (at < 0) {
                    return -1;
                }
                at = space(bytes, at, end);
                if (at >= end || bytes[at] != ':') {
                    return -1;
                }
                at = space(bytes, at + 1, end);
            }
            at = value(bytes, at, end, depth);
            if (at < 0) {
                return -1;
            }
            at = space(bytes, at, end);
            if (at >= end) {
                return -1;
            }
            if (bytes[at] == close) {
                return at + 1;
            }
            if (bytes[at] != ',') {
                return -1;
            }
            at = space(bytes, at + 1, end);
        }
    }

    /** Where the string starting at {@code at} ends (after its closing quote), or -1; at most {@code maxBytes}. */
    static int string(byte[] bytes, int at, int end, int maxBytes) {
        if (at >= end || bytes[at] != '"') {
            return -1;
        }
        int limit = (int) Math.min(end, (long) at + 2 + maxBytes);
        int i = at + 1;
        while (i < limit) {
            int c = bytes[i];
            if (c == '"') {
                return i + 1;
            } else if (c == '\\') {
                i = escape(bytes, i + 1, limit);
            } else if (c >= 0x20) {
                i++;
            } else if (c < 0) {
                i = Utf8.sequenceEnd(bytes, i, limit);
            } else {
                return -1;
            }
            if (i < 0) {
                return -1;
            }
        }
        return -1;
    }

    private static int escape(byte[] bytes, int at, int end) {
        if (at >= end) {
            return -1;
        }
        return switch (bytes[at]) {
            case '"', '\\', '/', 'b', 'f', 'n', 'r', 't' -> at + 1;
            case 'u' -> hex(bytes, at + 1, end, 4);
            default -> -1;
        };
    }

    private static int hex(byte[] bytes, int at, int end, int count) {
        if (at + count > end) {
            return -1;
        }
        for (int i = at; i < at + count; i++) {
            int c = bytes[i];
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F')) {
                return -1;
            }
        }
        return at + count;
    }

    private static int literal(byte[] bytes, int at, int end, String word) {
        if (at + word.length() > end) {
            return -1;
        }
        for (int i = 0; i < word.length(); i++) {
            if (bytes[at + i] != word.charAt(i)) {
                return -1;
            }
        }
        return delimited(bytes, at + word.length(), end);
    }

    /** A number in JSON's grammar: {@code -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?}. */
    private static int number(byte[] bytes, int at, int end) {
        int limit = Math.min(end, at + MAX_NUMBER_BYTES);
        int i = at;
        if (i < limit && bytes[i] == '-') {
            i++;
        }
        if (i < limit && bytes[i] == '0') {
            i++;
        } else {
            i = digits(bytes, i, limit);
        }
        if (i > 0 && i < limit && bytes[i] == '.') {
            i = digits(bytes, i + 1, limit);
        }
        if (i > 0 && i < limit && (bytes[i] == 'e' || bytes[i] == 'E')) {
            i++;
            if (i < limit && (bytes[i] == '+' || bytes[i] == '-')) {
                i++;
            }
            i = digits(bytes, i, limit);
        }
        return i < 0 || i == limit && limit < end ? -1 : delimited(bytes, i, end);
    }

    /** Where a run of at least one digit from {@code at} ends, or -1. */
    private static int digits(byte[] bytes, int at, int end) {
        int i = at;
        while (i < end && bytes[i] >= '0' && bytes[i] <= '9') {
            i++;
        }
        return i > at ? i : -1;
    }

    /** {@code at} if a scalar may end there (before a space, a comma or a closing bracket), else -1. */
    private static int delimited(byte[] bytes, int at, int end) {
        if (at >= end) {
            return -1;
        }
        return switch (bytes[at]) {
            case ' ', '\t', '\r', ',', '}', ']' -> at;
            default -> -1;
        };
    }

    /** The first position from {@code at} that is not JSON white space (within a line: no line feed). */
    static int space(byte[] bytes, int at, int end) {
        while (at < end && (bytes[at] == ' ' || bytes[at] == '\t' || bytes[at] == '\r')) {
            at++;
        }
        return at;
    }
}
