package org.civitas.event;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;

/**
 * The details of an event as the JSON object its source sent. The bytes are kept as they came, so the ledger stores
 * exactly what was said; the map view is parsed on first use, since most events are stored and shown far more often
 * than a rule reads them.
 */
public final class Attributes {

    public static final Attributes EMPTY = new Attributes("{}".getBytes(StandardCharsets.UTF_8));

    private final byte[] json;
    private Map<String, Object> values;

    private Attributes(byte[] json) {
        this.json = json;
    }

    /**
     * Attributes from the bytes of a JSON object that has already been validated (by {@link EventParser} or on its
     * way into the ledger). The array is not copied: the caller hands it over.
     */
    public static Attributes ofValidatedJson(byte[] json) {
        return new Attributes(Objects.requireNonNull(json, "json"));
    }

    /** Attributes holding the given values: strings, booleans, numbers, null, and lists and maps of them. */
    public static Attributes of(Map<String, ?> values) {
        return new Attributes(JsonValues.write(values));
    }

    /** The values by name: {@code Long} for JSON integers, {@code Double} for decimals, null for JSON null. */
    public Map<String, Object> asMap() {
        // Racy single-check: parsing is deterministic, so a second parse on another thread is harmless.
        Map<String, Object> parsed = values;
        if (parsed == null) {
            parsed = JsonValues.readObject(json);
            values = parsed;
        }
        return parsed;
    }

    public boolean isEmpty() {
        return asMap().isEmpty();
    }

    /** The number of bytes of the JSON object. */
    public int jsonLength() {
        return json.length;
    }

    /** A copy of the JSON object's bytes. */
    public byte[] toJsonBytes() {
        return json.clone();
    }

    /** Copies the JSON object's bytes into {@code target} at {@code offset}. */
    public void copyJsonTo(byte[] target, int offset) {
        System.arraycopy(json, 0, target, offset, json.length);
    }

    public String toJson() {
        return new String(json, StandardCharsets.UTF_8);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Attributes that && Arrays.equals(json, that.json);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(json);
    }

    @Override
    public String toString() {
        return toJson();
    }
}
