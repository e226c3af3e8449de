package org.civitas.store.support;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * An offer of help to a person whose score fell: what kind of help, why it was offered, and the person's answer.
 *
 * @param kind what help is on offer, such as {@code debt-advice}
 * @param reason why, in words the person reads
 */
public record SupportOffer(
        String id, String person, String kind, String reason, Instant openedAt, Status status,
        Optional<Instant> answeredAt) {

    /** Where an offer stands: open until the person accepts or declines it. */
    public enum Status {
        OPEN, ACCEPTED, DECLINED;

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public SupportOffer {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(person, "person");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(openedAt, "openedAt");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(answeredAt, "answeredAt");
    }
}
