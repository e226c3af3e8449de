package org.civitas.event;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The details of an event: the JSON object its source sent, or that object sealed (encrypted under the key of the
 * event's person and category) as the category and the sealed bytes. The bytes are kept as they came, so the ledger
 * stores exactly what was said; the map view is parsed on first use, since most events are stored and shown far more
 * often than a rule reads them.
 *
 * <p>Sealed attributes show as the JSON object {@code {"$sealed":"<category>","data":"<base64 of the sealed bytes>"}},
 * made on first use: the ledger keeps the sealed bytes as they are.
 */
public final class Attributes {

    public static final Attributes EMPTY = new Attributes("{}".getBytes(StandardCharsets.UTF_8), null, null);

    private static final String SEALED_PREFIX = "{\"$sealed\":\"";
    private static final String SEALED_DATA = "\",\"data\":\"";
    private static final String SEALED_SUFFIX = "\"}";

    /** The JSON object; for sealed attributes, made on first use (volatile, so its bytes are seen whole). */
    private volatile byte[] json;
    private final String sealedCategory;
    private final byte[] sealed;
    private Map<String, Object> values;

    private Attributes(byte[] json, String sealedCategory, byte[] sealed) {
        this.json = json;
        this.sealedCategory = sealedCategory;
        this.sealed = sealed;
    }

    /**
     * Attributes from the bytes of a JSON object that has already been validated (by the NDJSON reader or on its
     * way into the ledger). The array is not copied: the caller hands it over.
     */
    public static Attributes ofValidatedJson(byte[] json) {
        return new Attributes(Objects.requireNonNull(json, "json"), null, null);
    }

    /** Attributes holding the given values: strings, booleans, numbers, null, and lists and maps of them. */
    public static Attributes of(Map<String, ?> values) {
        return new Attributes(JsonValues.write(values), null, null);
    }

    /** Sealed attributes of {@code category}. The array is not copied: the caller hands it over. */
    public static Attributes sealed(String category, byte[] sealed) {
        if (category.isEmpty() || category.indexOf('"') >= 0 || category.indexOf('\\') >= 0) {
            throw new IllegalArgumentException("a category name is not empty and holds no quotes or backslashes: "
                    + category);
        }
        return new Attributes(null, category, Objects.requireNonNull(sealed, "sealed"));
    }

    /** The sealed attributes that {@code json} shows, if it shows sealed attributes. */
    public static Optional<Attributes> sealedFromJson(String json) {
        int dataAt = json.indexOf(SEALED_DATA, SEALED_PREFIX.length());
        if (!json.startsWith(SEALED_PREFIX) || dataAt < 0 || !json.endsWith(SEALED_SUFFIX)) {
            return Optional.empty();
        }
        String category = json.substring(SEALED_PREFIX.length(), dataAt);
        try {
            byte[] sealed = Base64.getDecoder().decode(
                    json.substring(dataAt + SEALED_DATA.length(), json.length() - SEALED_SUFFIX.length()));
            return Optional.of(sealed(category, sealed));
        } catch (IllegalArgumentException notSealed) {
            return Optional.empty();
        }
    }

    public boolean isSealed() {
        return sealed != null;
    }

    /** The category sealed attributes are of; for sealed attributes only. */
    public String sealedCategory() {
        requireSealed();
        return sealedCategory;
    }

    /** The number of sealed bytes; for sealed attributes only. */
    public int sealedLength() {
        requireSealed();
        return sealed.length;
    }

    /** A copy of the sealed bytes; for sealed attributes only. */
    public byte[] sealedBytes() {
        requireSealed();
        return sealed.clone();
    }

    /** Copies the sealed bytes into {@code target} at {@code offset}; for sealed attributes only. */
    public void copySealedTo(byte[] target, int offset) {
        requireSealed();
        System.arraycopy(sealed, 0, target, offset, sealed.length);
    }

    private void requireSealed() {
        if (sealed == null) {
            throw new IllegalStateException("the attributes are not sealed");
        }
    }

    /** The values by name: {@code Long} for JSON integers, {@code Double} for decimals, null for JSON null. */
    public Map<String, Object> asMap() {
        // Racy single-check: parsing is deterministic, so a second parse on another thread is harmless.
        Map<String, Object> parsed = values;
        if (parsed == null) {
            parsed = JsonValues.readObject(json());
            values = parsed;
        }
        return parsed;
    }

    public boolean isEmpty() {
        return asMap().isEmpty();
    }

    /** The number of bytes of the JSON object. */
    public int jsonLength() {
        return json().length;
    }

    /** A copy of the JSON object's bytes. */
    public byte[] toJsonBytes() {
        return json().clone();
    }

    /** Copies the JSON object's bytes into {@code target} at {@code offset}. */
    public void copyJsonTo(byte[] target, int offset) {
        byte[] bytes = json();
        System.arraycopy(bytes, 0, target, offset, bytes.length);
    }

    public String toJson() {
        return new String(json(), StandardCharsets.UTF_8);
    }

    private byte[] json() {
        byte[] bytes = json;
        if (bytes == null) {
            bytes = (SEALED_PREFIX + sealedCategory + SEALED_DATA + Base64.getEncoder().encodeToString(sealed)
                    + SEALED_SUFFIX).getBytes(StandardCharsets.UTF_8);
            json = bytes;
        }
        return bytes;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Attributes that && Arrays.equals(json(), that.json());
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(json());
    }

    @Override
    public String toString() {
        return toJson();
    }
}
