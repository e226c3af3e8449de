package org.civitas.server.support;

import java.time.Instant;
import org.civitas.support.SupportOffer;

/** An offer of help as the API shows it. */
public record OfferView(
        String id, String person, String kind, String reason, Instant openedAt, String status, Instant answeredAt) {

    public static OfferView of(SupportOffer offer) {
        return new OfferView(offer.id(), offer.person(), offer.kind(), offer.reason(), offer.openedAt(),
                offer.status().id(), offer.answeredAt().orElse(null));
    }

    /** The kind of help as a page heads it: {@code debt-advice} is "Debt advice". */
    public String title() {
        String words = kind.replace('-', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
