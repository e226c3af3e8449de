package org.civitas.residence;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;

/** Where the residences registries recorded are kept: a later record of a person replaces the earlier one. */
public interface Residents {

    /** Records where people live, by person. */
    void record(Map<String, Residence> residenceByPerson);

    /** Everyone who lives in any of {@code jurisdictions}, in order. */
    SortedSet<String> livingIn(Collection<String> jurisdictions);

    /** The district of everyone whose residence names one, by person: for statistics, never to find anyone. */
    Map<String, String> districts();

    /** Where {@code person} lives, if a registry recorded it. */
    Optional<Residence> residenceOf(String person);
}
