package org.civitas.event;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;

/**
 * An event read in place from bytes, field by field: what the ledger and the seal need of a line of input, without an
 * object per event. Names are ASCII text in {@link #bytes()}; the attributes a JSON object in
 * {@link #attributesBytes()}. A view holds until its reader moves on.
 */
public interface EventFields {

    /** The names of an event. */
    enum Name {
        ID, SOURCE, PERSON, TYPE, JURISDICTION
    }

    /** The bytes the names lie in. */
    byte[] bytes();

    /** Where the ASCII text of {@code name} starts in {@link #bytes()}. */
    int start(Name name);

    /** Where the text of {@code name} ends (exclusive). */
    int end(Name name);

    /** The text of {@code name}, as a new string. */
    default String text(Name name) {
        int start = start(name);
        return new String(bytes(), start, end(name) - start, StandardCharsets.ISO_8859_1);
    }

    /** When the event occurred: seconds since the epoch. */
    long epochSecond();

    /** When the event occurred: the nanoseconds of its second. */
    int nano();

    /** The bytes the attributes' JSON object lies in. */
    byte[] attributesBytes();

    /** Where the attributes' JSON object starts in {@link #attributesBytes()}. */
    int attributesStart();

    /** Where the attributes' JSON object ends in {@link #attributesBytes()}, exclusive. */
    int attributesEnd();

    /** The event these fields hold, as an object, its names shared through {@code names}. */
    default Event toEvent(NameCache names) {
        return new Event(text(Name.ID), name(names, Name.SOURCE), name(names, Name.PERSON), name(names, Name.TYPE),
                Instant.ofEpochSecond(epochSecond(), nano()), name(names, Name.JURISDICTION),
                Attributes.ofValidatedJson(Arrays.copyOfRange(attributesBytes(), attributesStart(), attributesEnd())));
    }

    private String name(NameCache names, Name name) {
        int start = start(name);
        return names.get(bytes(), start, end(name) - start);
    }
}
