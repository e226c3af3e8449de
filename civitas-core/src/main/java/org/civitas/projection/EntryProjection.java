package org.civitas.projection;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Predicate;
import org.civitas.event.Event;
import org.civitas.ledger.AttributesCheck;
import org.civitas.ledger.UnreadableEntry;
import org.civitas.residence.Residence;
import org.civitas.source.SourceRegistry;
import org.civitas.vault.SetAsideEntry;
import org.civitas.vault.VaultEvent;

/**
 * Turns ledger entries into what the vault keeps of them. An entry that cannot be read, or whose attributes are not
 * the one JSON object the vault's own JSON embeds as they are, is set aside with the reason instead.
 */
final class EntryProjection {

    /** The attribute a placeholder holds in place of attributes that cannot be read. */
    static final String UNREADABLE = "$unreadable";

    private static final JsonFactory JSON = new JsonFactory();

    private final SourceRegistry sources;
    private final Predicate<Throwable> liesInTheData;
    private final Clock clock;

    /**
     * @param liesInTheData whether a failure lies in an entry's own data, as the vault tells them apart
     */
    EntryProjection(SourceRegistry sources, Predicate<Throwable> liesInTheData, Clock clock) {
        this.sources = sources;
        this.liesInTheData = liesInTheData;
        this.clock = clock;
    }

    /**
     * What the vault keeps of {@code event}, the entry at {@code sequence}, or the entry set aside. Throws when the
     * failure is not the entry's (its category could not be looked up, say): that is retried, not set aside.
     */
    ProjectedEntry project(long sequence, Event event) {
        Optional<String> problem = AttributesCheck.problem(event);
        if (problem.isPresent()) {
            return setAside(sequence, Optional.of(event.person()), problem.get());
        }
        try {
            VaultEvent kept = new VaultEvent(sequence, event.person(), event.source(), event.id(), event.type(),
                    sources.categoryOf(event.source(), event.type()), event.occurredAt(), event.jurisdiction(),
                    event.attributes().toJson(), false);
            return new ProjectedEntry.Kept(kept, residence(event, kept.category()));
        } catch (RuntimeException failure) {
            if (!liesInTheData.test(failure)) {
                throw failure;
            }
            return setAside(sequence, Optional.of(event.person()), "cannot be projected: "
                    + Failures.describe(failure));
        }
    }

    /** An entry that cannot be read as an event, set aside. */
    ProjectedEntry setAside(UnreadableEntry entry) {
        return setAside(entry.sequence(), entry.envelope().map(UnreadableEntry.Envelope::person), entry.reason());
    }

    ProjectedEntry.SetAside setAside(long sequence, Optional<String> person, String reason) {
        return new ProjectedEntry.SetAside(SetAsideEntry.setAside(sequence, person, reason, clock.instant()));
    }

    /**
     * What the vault shows in place of an entry that cannot be read: who, what and when, as far as they could be
     * read, and attributes that say only why the rest could not.
     */
    VaultEvent placeholder(long sequence, UnreadableEntry.Envelope envelope, String reason) {
        return new VaultEvent(sequence, envelope.person(), envelope.source(), envelope.id(), envelope.type(),
                sources.categoryOf(envelope.source(), envelope.type()), envelope.occurredAt(),
                envelope.jurisdiction(), unreadableAttributes(reason), false);
    }

    private static String unreadableAttributes(String reason) {
        StringWriter text = new StringWriter();
        try (JsonGenerator json = JSON.createGenerator(text)) {
            json.writeStartObject();
            json.writeStringField(UNREADABLE, reason);
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    /**
     * Where the person of {@code event} lives, if it is a registry's record of category {@value Residence#CATEGORY}:
     * the event's jurisdiction, and the district its attribute {@code district} names, if any.
     */
    private static Optional<Residence> residence(Event event, String category) {
        if (!category.equals(Residence.CATEGORY)) {
            return Optional.empty();
        }
        String district = event.attributes().asMap().get("district") instanceof String named && !named.isBlank()
                ? named : "";
        return Optional.of(new Residence(event.jurisdiction(), district));
    }
}
