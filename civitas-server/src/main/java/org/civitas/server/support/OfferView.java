package org.civitas.server.support;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.civitas.support.SupportOffer;

/**
 * An offer of help as the API shows it.
 *
 * @param shared the categories of data the person shares with the case now
 */
public record OfferView(String id, String person, String kind, String reason, Instant openedAt, String status,
        Instant answeredAt, List<String> shared) {

    public static OfferView of(SupportOffer offer, Set<String> shared) {
        return new OfferView(offer.id(), offer.person(), offer.kind(), offer.reason(), offer.openedAt(),
                offer.status().id(), offer.answeredAt().orElse(null), List.copyOf(shared));
    }

    /** The kind of help as a page heads it: {@code debt-advice} is "Debt advice". */
    public String title() {
        String words = kind.replace('-', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
