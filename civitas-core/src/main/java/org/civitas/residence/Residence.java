package org.civitas.residence;

import java.util.Objects;

/**
 * Where a person lives, by a registry's latest record of it.
 *
 * @param jurisdiction the jurisdiction the record was made in, whose residents the person is among
 * @param district the district within it, or empty if the record names none
 */
public record Residence(String jurisdiction, String district) {

    /** The category of a registry's record of where a person lives, by an attribute {@code district}. */
    public static final String CATEGORY = "residence";

    public Residence {
        Objects.requireNonNull(jurisdiction, "jurisdiction");
        Objects.requireNonNull(district, "district");
    }
}
