package org.civitas.store.attestations;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.civitas.attestation.Attestation;
import org.civitas.attestation.Attestations;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;

/** Attestations of good deeds, in SQL. */
public final class AttestationStore implements Attestations {

    private static final RowMapper<Attestation> ROW = (rows, context) -> {
        Timestamp confirmed = rows.getTimestamp("confirmed_at");
        return new Attestation(rows.getString("id"), rows.getString("giver"), rows.getString("person"),
                rows.getString("jurisdiction"), rows.getString("kind"), rows.getString("note"),
                rows.getTimestamp("given_at").toInstant(), Optional.ofNullable(confirmed).map(Timestamp::toInstant),
                rows.getBoolean("counted"));
    };

    private final Jdbi jdbi;

    public AttestationStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public void create(Attestation attestation) {
        jdbi.useHandle(handle -> handle.createUpdate("INSERT INTO attestations (id, giver, person, jurisdiction, kind,"
                        + " note, given_at, confirmed_at, counted) VALUES (:id, :giver, :person, :jurisdiction, :kind,"
                        + " :note, :givenAt, :confirmedAt, :counted)")
                .bind("id", attestation.id())
                .bind("giver", attestation.giver())
                .bind("person", attestation.person())
                .bind("jurisdiction", attestation.jurisdiction())
                .bind("kind", attestation.kind())
                .bind("note", attestation.note())
                .bind("givenAt", attestation.givenAt())
                .bind("confirmedAt", attestation.confirmedAt().orElse(null))
                .bind("counted", attestation.counted())
                .execute());
    }

    @Override
    public Optional<Attestation> find(String id) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT * FROM attestations WHERE id = :id")
                .bind("id", id).map(ROW).findOne());
    }

    @Override
    public List<Attestation> involving(String person) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT * FROM attestations WHERE giver = :person"
                        + " OR person = :person ORDER BY given_at DESC, id")
                .bind("person", person).map(ROW).list());
    }

    @Override
    public int givenSince(String giver, Instant since) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT COUNT(*) FROM attestations WHERE giver = :giver"
                        + " AND given_at > :since")
                .bind("giver", giver).bind("since", since).mapTo(Integer.class).one());
    }

    @Override
    public boolean givenTo(String giver, String person, Instant since) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT COUNT(*) FROM attestations WHERE giver = :giver"
                        + " AND person = :person AND given_at > :since")
                .bind("giver", giver).bind("person", person).bind("since", since).mapTo(Integer.class).one()) > 0;
    }

    @Override
    public boolean counted(String giver, String person, Instant since) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT COUNT(*) FROM attestations WHERE giver = :giver"
                        + " AND person = :person AND counted AND confirmed_at > :since")
                .bind("giver", giver).bind("person", person).bind("since", since).mapTo(Integer.class).one()) > 0;
    }

    @Override
    public boolean confirm(String id, Instant at, boolean counted) {
        return jdbi.withHandle(handle -> handle.createUpdate("UPDATE attestations SET confirmed_at = :at,"
                        + " counted = :counted WHERE id = :id AND confirmed_at IS NULL")
                .bind("at", at).bind("counted", counted).bind("id", id).execute()) == 1;
    }

    @Override
    public boolean delete(String id) {
        return jdbi.withHandle(handle -> handle.createUpdate("DELETE FROM attestations WHERE id = :id"
                        + " AND confirmed_at IS NULL").bind("id", id).execute()) == 1;
    }
}
