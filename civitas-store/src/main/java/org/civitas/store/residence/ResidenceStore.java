package org.civitas.store.residence;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.civitas.residence.Residence;
import org.civitas.residence.Residents;
import org.jdbi.v3.core.Jdbi;

/** Where people live, as the registries last recorded it. */
public final class ResidenceStore implements Residents {

    private final Jdbi jdbi;

    public ResidenceStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public void record(Map<String, Residence> residenceByPerson) {
        if (residenceByPerson.isEmpty()) {
            return;
        }
        jdbi.useTransaction(handle -> {
            var delete = handle.prepareBatch("DELETE FROM residences WHERE person = :person");
            var insert = handle.prepareBatch("INSERT INTO residences (person, district, jurisdiction)"
                    + " VALUES (:person, :district, :jurisdiction)");
            residenceByPerson.forEach((person, residence) -> {
                delete.bind("person", person).add();
                insert.bind("person", person).bind("district", residence.district())
                        .bind("jurisdiction", residence.jurisdiction()).add();
            });
            delete.execute();
            insert.execute();
        });
    }

    @Override
    public SortedSet<String> livingIn(Collection<String> jurisdictions) {
        if (jurisdictions.isEmpty()) {
            return new TreeSet<>();
        }
        return jdbi.withHandle(handle -> handle.createQuery(
                        "SELECT person FROM residences WHERE jurisdiction IN (<jurisdictions>)")
                .bindList("jurisdictions", jurisdictions)
                .mapTo(String.class)
                .collect(Collectors.toCollection(TreeSet::new)));
    }

    @Override
    public Map<String, String> districts() {
        Map<String, String> districts = new HashMap<>();
        jdbi.useHandle(handle -> handle.createQuery("SELECT person, district FROM residences WHERE district <> ''")
                .map((rows, context) -> Map.entry(rows.getString("person"), rows.getString("district")))
                .forEach(entry -> districts.put(entry.getKey(), entry.getValue())));
        return districts;
    }

    @Override
    public Optional<Residence> residenceOf(String person) {
        return jdbi.withHandle(handle -> handle.createQuery(
                        "SELECT jurisdiction, district FROM residences WHERE person = :person")
                .bind("person", person)
                .map((rows, context) -> new Residence(rows.getString("jurisdiction"), rows.getString("district")))
                .findOne());
    }
}
