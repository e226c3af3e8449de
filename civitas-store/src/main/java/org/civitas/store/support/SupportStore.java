package org.civitas.store.support;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.civitas.support.CaseNote;
import org.civitas.support.DistrictDemand;
import org.civitas.support.SupportOffer;
import org.civitas.support.SupportOffers;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;

/** Offers of help, and the demand for it by district. */
public final class SupportStore implements SupportOffers {

    private static final RowMapper<SupportOffer> OFFER = (rows, context) -> new SupportOffer(rows.getString("id"),
            rows.getString("person"), rows.getString("kind"), rows.getString("reason"),
            rows.getTimestamp("opened_at").toInstant(),
            SupportOffer.Status.valueOf(rows.getString("status").toUpperCase(Locale.ROOT)),
            Optional.ofNullable(rows.getTimestamp("answered_at")).map(Timestamp::toInstant));

    private final Jdbi jdbi;

    public SupportStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public void open(List<SupportOffer> offers) {
        if (offers.isEmpty()) {
            return;
        }
        jdbi.useTransaction(handle -> {
            var insert = handle.prepareBatch("INSERT INTO support_offers"
                    + " (id, person, kind, reason, opened_at, status, answered_at)"
                    + " VALUES (:id, :person, :kind, :reason, :openedAt, :status, :answeredAt)");
            for (SupportOffer offer : offers) {
                insert.bind("id", offer.id())
                        .bind("person", offer.person())
                        .bind("kind", offer.kind())
                        .bind("reason", offer.reason())
                        .bind("openedAt", offer.openedAt())
                        .bind("status", offer.status().id())
                        .bind("answeredAt", offer.answeredAt().orElse(null))
                        .add();
            }
            insert.execute();
        });
    }

    @Override
    public List<SupportOffer> offersTo(String person) {
        return jdbi.withHandle(handle -> handle.createQuery(
                        "SELECT * FROM support_offers WHERE person = :person ORDER BY opened_at DESC, id")
                .bind("person", person)
                .map(OFFER)
                .list());
    }

    @Override
    public Set<String> peopleWithOffersSince(Instant since) {
        return jdbi.withHandle(handle -> new HashSet<>(handle.createQuery("SELECT DISTINCT person FROM support_offers"
                        + " WHERE opened_at >= :since OR status IN ('open', 'accepted')")
                .bind("since", since)
                .mapTo(String.class)
                .list()));
    }

    @Override
    public boolean answer(String id, String person, SupportOffer.Status answer, Instant at) {
        return jdbi.withHandle(handle -> handle.createUpdate("UPDATE support_offers"
                        + " SET status = :status, answered_at = :at"
                        + " WHERE id = :id AND person = :person AND status = 'open'")
                .bind("status", answer.id())
                .bind("at", at)
                .bind("id", id)
                .bind("person", person)
                .execute()) == 1;
    }

    @Override
    public List<SupportOffer> accepted() {
        return jdbi.withHandle(handle -> handle.createQuery(
                        "SELECT * FROM support_offers WHERE status = 'accepted' ORDER BY answered_at, id")
                .map(OFFER)
                .list());
    }

    @Override
    public void note(CaseNote note) {
        jdbi.useHandle(handle -> handle.createUpdate("INSERT INTO support_notes (offer, at, badge, kind, text)"
                        + " VALUES (:offer, :at, :badge, :kind, :text)")
                .bind("offer", note.offer()).bind("at", note.at()).bind("badge", note.badge())
                .bind("kind", note.kind().id()).bind("text", note.text())
                .execute());
    }

    @Override
    public List<CaseNote> notes(String offer) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT * FROM support_notes WHERE offer = :offer"
                        + " ORDER BY at")
                .bind("offer", offer)
                .map((rows, context) -> new CaseNote(rows.getString("offer"), rows.getTimestamp("at").toInstant(),
                        rows.getString("badge"), CaseNote.Kind.valueOf(rows.getString("kind").toUpperCase(Locale.ROOT)),
                        rows.getString("text")))
                .list());
    }

    @Override
    public boolean complete(String id, String person, Instant at) {
        return jdbi.withHandle(handle -> handle.createUpdate("UPDATE support_offers SET status = 'completed'"
                        + " WHERE id = :id AND person = :person AND status = 'accepted'")
                .bind("id", id).bind("person", person)
                .execute()) == 1;
    }

    /** Residents and people seeking help (an offer open or accepted) in each district, by district. */
    public List<DistrictDemand> demandByDistrict() {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT r.district AS district,"
                        + " COUNT(*) AS residents, COUNT(o.person) AS seeking"
                        + " FROM residences r LEFT JOIN (SELECT DISTINCT person FROM support_offers"
                        + " WHERE status IN ('open', 'accepted')) o ON o.person = r.person"
                        + " WHERE r.district <> '' GROUP BY r.district ORDER BY r.district")
                .map((rows, context) -> new DistrictDemand(rows.getString("district"), rows.getInt("residents"),
                        rows.getInt("seeking")))
                .list());
    }
}
