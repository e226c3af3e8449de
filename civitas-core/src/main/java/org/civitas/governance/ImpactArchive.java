package org.civitas.governance;

import java.util.Map;
import java.util.Optional;

/** Where each proposal's impact is kept once it is worked out, with what it does to every person it scored. */
public interface ImpactArchive {

    /**
     * Keeps the impact of {@code proposal} and its change for each person, all or none. The first kept stays: a
     * proposal's impact, once published, does not change.
     */
    void keep(String proposal, Impact impact, Map<String, PersonalImpact> people);

    Optional<Impact> impact(String proposal);

    /** What the kept impact of {@code proposal} does to {@code person}; empty if it did not score them. */
    Optional<PersonalImpact> impactOn(String proposal, String person);
}
