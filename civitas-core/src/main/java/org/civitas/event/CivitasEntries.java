package org.civitas.event;

import java.util.Optional;
import java.util.Set;

/**
 * The entries Civitas records in the ledger itself, beside the events that sources send: the outcomes of disputes,
 * attestations their person confirmed, and programmes of support their person completed. Their sources and types are
 * Civitas's own: no source may be registered under them or send them. No rule may read a dispute's entries; a rule
 * may reward the others, never punish them.
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
    /** The category of a confirmed attestation, and of a completed programme of support. */
    public static final String ATTESTATION_CATEGORY = "civic";
    /** The source of programmes of support their person completed. */
    public static final String SUPPORT = "support-desk";
    /** The type of a completed programme of support. */
    public static final String SUPPORT_COMPLETED = "support-completed";
    /** The types of Civitas's own entries that a rule may reward and never punish. */
    public static final Set<String> REWARDED_ONLY = Set.of(ATTESTATION_CONFIRMED, SUPPORT_COMPLETED);

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
        return SOURCE.equals(name) || TYPES.contains(name) || ATTESTATIONS.equals(name) || SUPPORT.equals(name)
                || REWARDED_ONLY.contains(name)
                ? Optional.of("'" + name + "' is reserved for the entries Civitas records itself") : Optional.empty();
    }
}
