package org.civitas.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.civitas.access.AccessLog;
import org.civitas.access.AccessRecord;
import org.civitas.constitution.Constitution;
import org.civitas.event.Attributes;
import org.civitas.event.Event;
import org.civitas.officials.OfficialRecord;
import org.civitas.privacy.PersonalKeys;
import org.civitas.rules.RuleBookLoader;
import org.civitas.rules.RuleBooks;
import org.civitas.scoring.ScoreBoard;
import org.civitas.scoring.Scorer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A charter says when help is offered: a score below its threshold, a fall of so many points within a period, or a
 * rule matched so many times within one; anyone else is offered nothing.
 */
class HelpTriggersTest {

    private static final Instant NOW = Instant.parse("2026-10-01T12:00:00Z");
    private static final String BOOK = "jurisdiction: lakeside\ntimezone: UTC\ncharter:\n  help:\n    below: 950\n"
            + "    fall: { points: 15, within: P30D }\n"
            + "    repeated: [{ rule: obligations.late, times: 3, within: P90D }]\n"
            + "rules:\n  - { id: obligations.late, title: A late bill, category: obligations, on: bill, points: -2,"
            + " halfLife: P365D }\n  - { id: traffic.speeding, title: Speeding, category: traffic, on: speeding,"
            + " points: -20, halfLife: P365D }\n";

    @TempDir
    Path data;

    /** The offers made, as a store would keep them. */
    private static final class Offers implements SupportOffers {
        final List<SupportOffer> made = new ArrayList<>();

        @Override
        public void open(List<SupportOffer> offers) {
            made.addAll(offers);
        }

        @Override
        public List<SupportOffer> offersTo(String person) {
            return made.stream().filter(offer -> offer.person().equals(person)).toList();
        }

        @Override
        public Set<String> peopleWithOffersSince(Instant since) {
            Set<String> people = new TreeSet<>();
            made.stream().filter(offer -> !offer.openedAt().isBefore(since)).forEach(offer -> people.add(
                    offer.person()));
            return people;
        }

        @Override
        public boolean answer(String id, String person, SupportOffer.Status answer, Instant at) {
            return false;
        }

        @Override
        public List<SupportOffer> accepted() {
            return List.of();
        }

        @Override
        public void note(CaseNote note) {
        }

        @Override
        public List<CaseNote> notes(String offer) {
            return List.of();
        }

        @Override
        public boolean complete(String id, String person, Instant at) {
            return false;
        }
    }

    private static Event event(String id, String person, String type, Duration ago) {
        return new Event(id, "src", person, type, NOW.minus(ago), "lakeside", Attributes.EMPTY);
    }

    @Test
    void theCharterSaysWhenHelpIsOffered() {
        RuleBooks books = new RuleBooks(List.of(new RuleBookLoader(Constitution.standard()).read("book.yaml", BOOK)));
        ScoreBoard scores = new ScoreBoard(new Scorer(books));
        List<Event> events = List.of(
                event("b-1", "p-bills", "bill", Duration.ofDays(80)), event("b-2", "p-bills", "bill",
                        Duration.ofDays(40)), event("b-3", "p-bills", "bill", Duration.ofDays(5)),
                event("s-1", "p-fell", "speeding", Duration.ofDays(3)),
                event("s-2", "p-long-ago", "speeding", Duration.ofDays(200)),
                event("b-4", "p-two-bills", "bill", Duration.ofDays(10)),
                event("b-5", "p-two-bills", "bill", Duration.ofDays(20)));
        for (int i = 0; i < events.size(); i++) {
            scores.accept(events.get(i), i);
        }
        Offers offers = new Offers();
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        try (OfficialRecord officials = OfficialRecord.open(data, PersonalKeys.open(data), clock)) {
            SupportDesk desk = new SupportDesk(offers, scores, new AccessLog() {
                @Override
                public void record(AccessRecord record) {
                }

                @Override
                public List<AccessRecord> of(String person, int limit) {
                    return List.of();
                }
            }, officials, () -> books, clock);

            assertThat(desk.offerHelp()).isEqualTo(2);
            assertThat(desk.offerHelp()).as("not twice").isZero();
        }

        assertThat(offers.offersTo("p-bills")).singleElement().satisfies(offer -> {
            assertThat(offer.kind()).isEqualTo("debt-advice");
            assertThat(offer.reason()).startsWith("\"A late bill\" happened 3 times in the past 90 days");
        });
        assertThat(offers.offersTo("p-fell")).singleElement().satisfies(offer -> assertThat(offer.reason())
                .startsWith(String.format(Locale.ROOT, "Your score fell by %.2f points in the past 30 days",
                        20 * Math.pow(2, -3.0 / 365))));
        assertThat(offers.offersTo("p-long-ago")).as("981 is above this charter's 950, and fell long ago").isEmpty();
        assertThat(offers.offersTo("p-two-bills")).as("two late bills are not three").isEmpty();
    }
}
