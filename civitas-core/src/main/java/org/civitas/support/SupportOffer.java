package org.civitas.support;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.civitas.ConflictException;
import org.civitas.InvalidInputException;

/**
 * An offer of help to a person whose score fell: what kind of help, why it was offered, and the person's answer.
 *
 * @param kind what help is on offer, such as {@code debt-advice}
 * @param reason why, in words the person reads
 */
public record SupportOffer(
        String id, String person, String kind, String reason, Instant openedAt, Status status,
        Optional<Instant> answeredAt) {

    /**
     * Where an offer stands: open until the person accepts or declines it; an accepted one is a case until the person
     * confirms its outcome, and it is completed.
     */
    public enum Status {
        OPEN, ACCEPTED, DECLINED, COMPLETED;

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** Whether an offer standing here may move to {@code next}: an open one by an answer, a case by completion. */
        public boolean canBecome(Status next) {
            return this == OPEN && (next == ACCEPTED || next == DECLINED) || this == ACCEPTED && next == COMPLETED;
        }

        /** {@code next}, if an offer standing here may move there; refused otherwise, naming both. */
        public Status moveTo(Status next) {
            if (!canBecome(next)) {
                throw new ConflictException("an offer that is " + id() + " cannot become " + next.id());
            }
            return next;
        }

        /** The status a person's answer gives ({@code accept} or {@code decline}); refused otherwise. */
        public static Status answered(String answer) {
            return switch (answer) {
                case "accept" -> ACCEPTED;
                case "decline" -> DECLINED;
                default -> throw new InvalidInputException("answer", "must be \"accept\" or \"decline\", not "
                        + (answer.isEmpty() ? "missing" : "\"" + answer + "\""));
            };
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
