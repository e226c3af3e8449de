package org.civitas.store.governance;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.civitas.governance.Impact;
import org.civitas.governance.ImpactArchive;
import org.civitas.governance.PersonalImpact;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** Each proposal's impact as it was published, and what it does to each person it scored. */
public final class ImpactStore implements ImpactArchive {

    /** The breakdowns of an impact, as {@code proposal_impact_cells} names them. */
    private enum Breakdown { BANDS, BEFORE, AFTER }

    private static final int PEOPLE_PER_BATCH = 5_000;

    private final Jdbi jdbi;

    public ImpactStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public void keep(String proposal, Impact impact, Map<String, PersonalImpact> people) {
        try {
            jdbi.useTransaction(handle -> insert(handle, proposal, impact, people));
        } catch (RuntimeException failure) {
            // Another server kept it first: the first kept stays.
            boolean keptFirst;
            try {
                keptFirst = impact(proposal).isPresent();
            } catch (RuntimeException unanswered) {
                failure.addSuppressed(unanswered);
                throw failure;
            }
            if (!keptFirst) {
                throw failure;
            }
        }
    }

    private static void insert(Handle handle, String proposal, Impact impact, Map<String, PersonalImpact> people) {
        handle.createUpdate("INSERT INTO proposal_impacts (proposal, window_from, window_to, people, affected,"
                        + " mean_change, median_change, cross_below_1000, cross_above_1000, matched_events)"
                        + " VALUES (:proposal, :from, :to, :people, :affected, :meanChange, :medianChange,"
                        + " :crossBelow1000, :crossAbove1000, :matchedEvents)")
                .bind("proposal", proposal)
                .bindMethods(impact)
                .execute();
        var cells = handle.prepareBatch("INSERT INTO proposal_impact_cells (proposal, breakdown, position,"
                + " lower_edge, upper_edge, people) VALUES (:proposal, :breakdown, :position, :from, :to, :people)");
        for (Breakdown breakdown : Breakdown.values()) {
            List<Impact.Cell> listed = cells(impact, breakdown);
            for (int i = 0; i < listed.size(); i++) {
                Impact.Cell cell = listed.get(i);
                cells.bind("proposal", proposal).bind("breakdown", breakdown.name()).bind("position", i)
                        .bind("from", cell.from()).bind("to", cell.to()).bind("people", cell.people()).add();
            }
        }
        cells.execute();
        if (!impact.districts().isEmpty()) {
            var districts = handle.prepareBatch("INSERT INTO proposal_impact_districts (proposal, district, people,"
                    + " mean_change) VALUES (:proposal, :district, :people, :meanChange)");
            impact.districts().forEach(district -> districts.bind("proposal", proposal).bindMethods(district).add());
            districts.execute();
        }
        List<Map.Entry<String, PersonalImpact>> scored = List.copyOf(people.entrySet());
        for (int first = 0; first < scored.size(); first += PEOPLE_PER_BATCH) {
            var batch = handle.prepareBatch("INSERT INTO proposal_impact_people (proposal, person, score_before,"
                    + " score_after, change) VALUES (:proposal, :person, :before, :after, :change)");
            for (var person : scored.subList(first, Math.min(scored.size(), first + PEOPLE_PER_BATCH))) {
                batch.bind("proposal", proposal).bind("person", person.getKey()).bindMethods(person.getValue()).add();
            }
            batch.execute();
        }
    }

    private static List<Impact.Cell> cells(Impact impact, Breakdown breakdown) {
        return switch (breakdown) {
            case BANDS -> impact.bands();
            case BEFORE -> impact.before();
            case AFTER -> impact.after();
        };
    }

    @Override
    public Optional<Impact> impact(String proposal) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT * FROM proposal_impacts WHERE proposal = :proposal")
                .bind("proposal", proposal)
                .map((rows, context) -> new Impact(rows.getTimestamp("window_from").toInstant(),
                        rows.getTimestamp("window_to").toInstant(), rows.getLong("people"), rows.getLong("affected"),
                        cells(handle, proposal, Breakdown.BANDS), cells(handle, proposal, Breakdown.BEFORE),
                        cells(handle, proposal, Breakdown.AFTER), rows.getDouble("mean_change"),
                        rows.getDouble("median_change"), rows.getLong("cross_below_1000"),
                        rows.getLong("cross_above_1000"), rows.getLong("matched_events"), districts(handle, proposal)))
                .findOne());
    }

    private static List<Impact.Cell> cells(Handle handle, String proposal, Breakdown breakdown) {
        return handle.createQuery("SELECT lower_edge, upper_edge, people FROM proposal_impact_cells"
                        + " WHERE proposal = :proposal AND breakdown = :breakdown ORDER BY position")
                .bind("proposal", proposal)
                .bind("breakdown", breakdown.name())
                .map((rows, context) -> new Impact.Cell(rows.getObject("lower_edge", Double.class),
                        rows.getObject("upper_edge", Double.class), rows.getObject("people", Long.class)))
                .list();
    }

    private static List<Impact.District> districts(Handle handle, String proposal) {
        return handle.createQuery("SELECT district, people, mean_change FROM proposal_impact_districts"
                        + " WHERE proposal = :proposal ORDER BY district")
                .bind("proposal", proposal)
                .map((rows, context) -> new Impact.District(rows.getString("district"),
                        rows.getObject("people", Long.class), rows.getObject("mean_change", Double.class)))
                .list();
    }

    @Override
    public Optional<PersonalImpact> impactOn(String proposal, String person) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT score_before, score_after, change"
                        + " FROM proposal_impact_people WHERE proposal = :proposal AND person = :person")
                .bind("proposal", proposal)
                .bind("person", person)
                .map((rows, context) -> new PersonalImpact(rows.getDouble("score_before"),
                        rows.getDouble("score_after"), rows.getDouble("change")))
                .findOne());
    }
}
