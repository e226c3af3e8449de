package org.civitas.ndjson;

/** Why one input line was refused: {@code line 7: occurredAt: "2026-02-30T00:00:00Z" is not an ISO-8601 instant}. */
public record LineError(long line, String field, String reason) {

    /** The field name used when the line as a whole is at fault. */
    public static final String WHOLE_LINE = "line";

    /** The field name used when the line is not a JSON object. */
    public static final String JSON = "json";

    public String message() {
        return "line " + line + ": " + field + ": " + reason;
    }

    @Override
    public String toString() {
        return message();
    }
}
