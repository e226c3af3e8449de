package org.civitas.event;

import java.util.Optional;
import java.util.Set;

/**
 * The entries Civitas records in the ledger itself, beside the events that sources send: the outcomes of disputes,
 * and attestations their person confirmed. Their sources and types are Civitas's own: no source may be registered
 * under them or send them. No rule may read a dispute's entries; a rule may reward a confirmed attestation, never
 * punish it.
 */
public final class CivitasEntries {

    /** The source of Civitas's own entries. */
    public static final String SOURCE = "civitas";
    /** The type of the entry that opens a dispute about an event. */
    public static final String DISPUTE_OPENED = "dispute-opened";
    /** The type of the entry that ends one. */
    public static final String DISPUTE_RESOLVED = "dispute-resolved";
    /** The type of the entry by which a source reinstates an event a dispute removed. */
    public static final String EVENT_REINSTATED = "event-reinstated";
    /** Every type of the entries of disputes. */
    public static final Set<String> TYPES = Set.of(DISPUTE_OPENED, DISPUTE_RESOLVED, EVENT_REINSTATED);
    /** The category of the entries of disputes, as a person's vault shows them. */
    public static final String CATEGORY = "disputes";
    /** The source of attestations their person confirmed. */
    public static final String ATTESTATIONS = "attestations";
    /** The type of a confirmed attestation. */
    public static final String ATTESTATION_CONFIRMED = "attestation-confirmed";
    /** The category of a confirmed attestation. */
    public static final String ATTESTATION_CATEGORY = "civic";

    private CivitasEntries() {
    }

    /** Whether an event of {@code source} and {@code type} is one of Civitas's own entries. */
    public static boolean isOwn(String source, String type) {
        return SOURCE.equals(source) && TYPES.contains(type);
    }

    /**
     * Why no source may take {@code name} as its name or send events of a type so named, or read it in a rule, if it
     * is one of Civitas's own names; empty for any other name.
     */
    public static Optional<String> reserved(String name) {
        return SOURCE.equals(name) || TYPES.contains(name) || ATTESTATIONS.equals(name)
                || ATTESTATION_CONFIRMED.equals(name)
                ? Optional.of("'" + name + "' is reserved for the entries Civitas records itself") : Optional.empty();
    }
}
