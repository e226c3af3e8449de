package org.civitas.support;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
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

    /** Where an offer stands: open until the person accepts or declines it, and then for good. */
    public enum Status {
        OPEN, ACCEPTED, DECLINED;

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** Whether an offer standing here may move to {@code next}: only an open one, only by an answer. */
        public boolean canBecome(Status next) {
            return this == OPEN && next != OPEN;
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
