package org.civitas.governance;

import java.util.List;
import java.util.Objects;

/**
 * What a resident submits to change their jurisdiction's rule book: the change, why, and examples of what it does.
 *
 * @param amnesty whether the change, which may then only lower or retire penalties, reaches back to past events
 */
public record ProposalDraft(
        String jurisdiction, String title, String rationale, ProposedChange change, boolean amnesty,
        List<Scenario> scenarios) {

    public ProposalDraft {
        Objects.requireNonNull(jurisdiction, "jurisdiction");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(rationale, "rationale");
        Objects.requireNonNull(change, "change");
        scenarios = List.copyOf(scenarios);
    }
}
