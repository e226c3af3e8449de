package org.civitas.scoring;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.civitas.CivitasException;
import org.civitas.event.Attributes;
import org.civitas.event.CivitasEntries;
import org.civitas.event.Event;
import org.civitas.event.EventKey;

/**
 * A ledger entry by which Civitas itself changes how an earlier event counts, so that every pass over the ledger (the
 * server's, {@code civitas score --data}, a simulation) scores each event as its disputes left it: while a dispute is
 * open the event counts nothing; upheld, it counts again; corrected, it counts with the corrected attributes; removed,
 * it counts no more, unless its source reinstates it. The entry is one of {@link CivitasEntries}, of the person
 * concerned, whose attributes name the event amended and the dispute.
 *
 * @param correction for {@link Kind#CORRECTED}, the event as corrected; empty otherwise
 */
public record Amendment(Kind kind, EventKey target, String dispute, Optional<Event> correction) {

    /** What an amendment does to the event it names. */
    public enum Kind {
        /** A dispute opened: the event counts nothing until it ends. */
        DISPUTED,
        /** The reviewers upheld the event: it counts again, as it was. */
        UPHELD,
        /** The reviewers corrected its attributes: it counts as corrected. */
        CORRECTED,
        /** The reviewers removed it: it counts no more, unless its source reinstates it. */
        REMOVED,
        /** Its source reinstated a removed event with new evidence: it counts again, and may be disputed again. */
        REINSTATED;

        /** The name a ledger entry gives the outcome of a dispute. */
        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public Amendment {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(dispute, "dispute");
        Objects.requireNonNull(correction, "correction");
        if (correction.isPresent() != (kind == Kind.CORRECTED)) {
            throw new IllegalArgumentException("a correction comes with a corrected event, and only a correction");
        }
    }

    /**
     * The amendment {@code entry} records, if it is one of Civitas's own entries; throws if it claims to be one and
     * cannot be read as one, so that it counts for no one.
     */
    public static Optional<Amendment> of(Event entry) {
        if (!CivitasEntries.isOwn(entry.source(), entry.type())) {
            return Optional.empty();
        }
        Map<String, Object> attributes = entry.attributes().asMap();
        EventKey target = new EventKey(text(attributes, "source"), text(attributes, "event"));
        String dispute = text(attributes, "dispute");
        if (entry.type().equals(CivitasEntries.DISPUTE_OPENED)) {
            return Optional.of(new Amendment(Kind.DISPUTED, target, dispute, Optional.empty()));
        }
        if (entry.type().equals(CivitasEntries.EVENT_REINSTATED)) {
            return Optional.of(new Amendment(Kind.REINSTATED, target, dispute, Optional.empty()));
        }
        Kind kind = switch (text(attributes, "outcome")) {
            case "upheld" -> Kind.UPHELD;
            case "corrected" -> Kind.CORRECTED;
            case "removed" -> Kind.REMOVED;
            default -> throw new CivitasException("an amendment's outcome is upheld, corrected or removed, not '"
                    + attributes.get("outcome") + "'");
        };
        Optional<Event> correction = Optional.empty();
        if (kind == Kind.CORRECTED) {
            if (!(attributes.get("attributes") instanceof Map<?, ?> corrected)) {
                throw new CivitasException("a correction holds the corrected attributes as an object");
            }
            Instant occurredAt;
            try {
                occurredAt = Instant.parse(text(attributes, "occurredAt"));
            } catch (DateTimeParseException e) {
                throw new CivitasException("a correction's occurredAt is not an instant: " + e.getMessage());
            }
            @SuppressWarnings("unchecked")
            Map<String, ?> values = (Map<String, ?>) corrected;
            correction = Optional.of(new Event(target.id(), target.source(), entry.person(), text(attributes, "type"),
                    occurredAt, entry.jurisdiction(), Attributes.of(values)));
        }
        return Optional.of(new Amendment(kind, target, dispute, correction));
    }

    /**
     * The ledger entry recording this amendment of an event of {@code person} that happened in {@code jurisdiction},
     * made at {@code at}.
     */
    public Event entry(String person, String jurisdiction, Instant at) {
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("dispute", dispute);
        attributes.put("source", target.source());
        attributes.put("event", target.id());
        if (kind != Kind.DISPUTED && kind != Kind.REINSTATED) {
            attributes.put("outcome", kind.id());
        }
        correction.ifPresent(corrected -> {
            attributes.put("type", corrected.type());
            attributes.put("occurredAt", corrected.occurredAt().toString());
            attributes.put("attributes", corrected.attributes().asMap());
        });
        String type = switch (kind) {
            case DISPUTED -> CivitasEntries.DISPUTE_OPENED;
            case REINSTATED -> CivitasEntries.EVENT_REINSTATED;
            default -> CivitasEntries.DISPUTE_RESOLVED;
        };
        return new Event("dispute-" + dispute + "-" + type.substring(type.indexOf('-') + 1), CivitasEntries.SOURCE,
                person, type, at, jurisdiction, Attributes.of(attributes));
    }

    private static String text(Map<String, Object> attributes, String name) {
        if (!(attributes.get(name) instanceof String value) || value.isEmpty()) {
            throw new CivitasException("an amendment names its " + name + " as text");
        }
        return value;
    }
}
