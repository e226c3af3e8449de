package org.civitas.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.civitas.scoring.ScoringFixture.book;
import static org.civitas.scoring.ScoringFixture.event;
import static org.civitas.scoring.ScoringFixture.score;
import static org.civitas.scoring.ScoringFixture.scoreOf;
import static org.civitas.scoring.ScoringFixture.scorer;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.civitas.event.Attributes;
import org.civitas.event.Event;
import org.junit.jupiter.api.Test;

class ScorerTest {

    private static final String LATE_BILL = book("""
              - id: bills.late
                title: A bill paid late
                category: obligations
                on: bill-payment
                when: 'event.attributes.daysLate > 30'
                points: -10
                halfLife: P10D
            """);

    @Test
    void everyoneStartsAtAThousand() {
        ScoreSheet sheet = score(scorer(LATE_BILL), "2026-06-01T00:00:00Z",
                List.of(event("e1", "p-1", "web-visit", "2026-05-01T00:00:00Z")));

        assertThat(scoreOf(sheet, "p-1").score()).isEqualTo(1000.0);
        assertThat(scoreOf(sheet, "p-1").contributions()).isEmpty();
    }

    @Test
    void decayHalvesWorthAfterEachHalfLife() {
        Scorer scorer = scorer(LATE_BILL);
        List<Event> events = List.of(event("e1", "p-1", "bill-payment", "2026-05-01T00:00:00Z",
                Map.of("daysLate", 40)));

        assertThat(scoreOf(score(scorer, "2026-05-01T00:00:00Z", events), "p-1").score()).isEqualTo(990.0);
        assertThat(scoreOf(score(scorer, "2026-05-11T00:00:00Z", events), "p-1").score()).isEqualTo(995.0);
        assertThat(scoreOf(score(scorer, "2026-05-21T00:00:00Z", events), "p-1").score()).isEqualTo(997.5);
        assertThat(scoreOf(score(scorer, "2026-05-06T00:00:00Z", events), "p-1").score())
                .isCloseTo(1000 - 10 / Math.sqrt(2), within(1e-9));
    }

    @Test
    void everyContributionExplainsItselfAndSaysWhenItFades() {
        ScoreSheet sheet = score(scorer(LATE_BILL), "2026-05-11T00:00:00Z", List.of(
                event("e1", "p-1", "bill-payment", "2026-05-01T00:00:00Z", Map.of("daysLate", 40))));

        Contribution contribution = scoreOf(sheet, "p-1").contributions().get(0);
        assertThat(contribution.event()).isEqualTo("e1");
        assertThat(contribution.rule()).isEqualTo("bills.late");
        assertThat(contribution.ruleVersion()).isEqualTo(1);
        assertThat(contribution.title()).isEqualTo("A bill paid late");
        assertThat(contribution.granted()).isEqualTo(-10);
        assertThat(contribution.worth()).isEqualTo(-5.0);
        // 10 points fall to half a point after log2(20) half-lives of 10 days.
        long seconds = (long) Math.ceil(10 * 86_400 * (Math.log(20) / Math.log(2)));
        assertThat(contribution.fadesBelowHalfPointAt())
                .contains(Instant.parse("2026-05-01T00:00:00Z").plusSeconds(seconds));
    }

    @Test
    void pointsWithoutHalfLifeNeverFade() {
        Scorer scorer = scorer(book("""
                  - id: civic.cleanup
                    title: Clean-up
                    category: civic
                    on: cleanup
                    points: 3
                """));

        PersonScore person = scoreOf(score(scorer, "2030-01-01T00:00:00Z",
                List.of(event("e1", "p-1", "cleanup", "2026-05-01T00:00:00Z"))), "p-1");

        assertThat(person.score()).isEqualTo(1003.0);
        assertThat(person.contributions().get(0).fadesBelowHalfPointAt()).isEmpty();
    }

    @Test
    void eventsAfterTheScoringInstantDoNotCountYetButTheirPeopleAreListed() {
        ScoreSheet sheet = score(scorer(LATE_BILL), "2026-05-01T00:00:00Z", List.of(
                event("e1", "p-1", "bill-payment", "2026-05-01T00:00:00Z", Map.of("daysLate", 40)),
                event("e2", "p-1", "bill-payment", "2026-05-01T00:00:01Z", Map.of("daysLate", 40)),
                event("e3", "p-2", "bill-payment", "2026-05-02T00:00:00Z", Map.of("daysLate", 40))));

        assertThat(scoreOf(sheet, "p-1").score()).isEqualTo(990.0);
        assertThat(scoreOf(sheet, "p-2").score()).isEqualTo(1000.0);
    }

    @Test
    void effectiveFromIsInclusiveAndUntilExclusive() {
        Scorer scorer = scorer(book("""
                  - id: civic.cleanup
                    title: Clean-up
                    category: civic
                    on: cleanup
                    points: 3
                    effective: { from: '2026-05-01T00:00:00Z', until: '2026-06-01T00:00:00Z' }
                """));

        ScoreSheet sheet = score(scorer, "2027-01-01T00:00:00Z", List.of(
                event("before", "p-1", "cleanup", "2026-04-30T23:59:59Z"),
                event("from", "p-1", "cleanup", "2026-05-01T00:00:00Z"),
                event("last", "p-1", "cleanup", "2026-05-31T23:59:59.999Z"),
                event("until", "p-1", "cleanup", "2026-06-01T00:00:00Z")));

        assertThat(scoreOf(sheet, "p-1").contributions()).extracting(Contribution::event)
                .containsExactly("from", "last");
    }

    @Test
    void anEventOfAJurisdictionWithoutABookScoresNothing() {
        Event elsewhere = new Event("e1", "src", "p-1", "bill-payment", Instant.parse("2026-05-01T00:00:00Z"),
                "elsewhere", Attributes.of(Map.of("daysLate", 40)));

        ScoreSheet sheet = score(scorer(LATE_BILL), "2026-05-02T00:00:00Z", List.of(elsewhere));

        assertThat(scoreOf(sheet, "p-1").score()).isEqualTo(1000.0);
    }

    @Test
    void aDuplicateCountsOnceWhateverItsContentAndTheSameIdFromAnotherSourceCountsAgain() {
        Event first = event("e1", "p-1", "bill-payment", "2026-05-01T00:00:00Z", Map.of("daysLate", 40));
        Event sameKeyOtherContent = event("e1", "p-1", "bill-payment", "2026-05-02T00:00:00Z",
                Map.of("daysLate", 90));
        Event otherSource = new Event("e1", "bank", "p-1", "bill-payment", Instant.parse("2026-05-01T00:00:00Z"),
                "lakeside", Attributes.of(Map.of("daysLate", 40)));

        ScoreSheet sheet = score(scorer(LATE_BILL), "2026-05-01T00:00:00Z",
                List.of(first, sameKeyOtherContent, otherSource));

        assertThat(scoreOf(sheet, "p-1").contributions()).extracting(Contribution::source)
                .containsExactly("src", "bank");
        assertThat(scoreOf(sheet, "p-1").score()).isEqualTo(980.0);
    }

    @Test
    void severalRulesMayApplyToOneEvent() {
        Scorer scorer = scorer(book("""
                  - id: a
                    title: A
                    category: civic
                    on: cleanup
                    points: 2
                  - id: b
                    title: B
                    category: civic
                    on: cleanup
                    when: 'event.attributes.hours >= 3'
                    points: 1
                """));

        ScoreSheet sheet = score(scorer, "2026-06-01T00:00:00Z", List.of(
                event("e1", "p-1", "cleanup", "2026-05-01T00:00:00Z", Map.of("hours", 3.0))));

        assertThat(scoreOf(sheet, "p-1").contributions()).extracting(Contribution::rule).containsExactly("a", "b");
        assertThat(scoreOf(sheet, "p-1").score()).isEqualTo(1003.0);
    }

    @Test
    void aConditionThatCannotBeEvaluatedDoesNotMatchAndIsCounted() {
        ScoreSheet sheet = score(scorer(LATE_BILL), "2026-06-01T00:00:00Z", List.of(
                event("missing", "p-1", "bill-payment", "2026-05-01T00:00:00Z"),
                event("wrong-kind", "p-1", "bill-payment", "2026-05-01T00:00:00Z", Map.of("daysLate", "late")),
                event("integer", "p-1", "bill-payment", "2026-05-01T00:00:00Z", Map.of("daysLate", 31)),
                event("decimal", "p-1", "bill-payment", "2026-05-01T00:00:00Z", Map.of("daysLate", 30.5))));

        assertThat(scoreOf(sheet, "p-1").contributions()).extracting(Contribution::event)
                .containsExactly("integer", "decimal");
        assertThat(sheet.evaluationErrors()).containsEntry("lakeside/bills.late", 2L);
    }

    @Test
    void localHoursFollowTheBookTimeZoneAcrossDaylightSavingChanges() {
        Scorer scorer = scorer(book("""
                  - id: night
                    title: At night
                    category: civic
                    on: cleanup
                    when: 'ctx.hour < 3'
                    points: 1
                  - id: sunday
                    title: On Sunday
                    category: civic
                    on: cleanup
                    when: 'ctx.weekday == 7'
                    points: 10
                """));

        // Berlin moved from UTC+1 to UTC+2 at 2026-03-29T01:00:00Z and back at 2026-10-25T01:00:00Z.
        ScoreSheet sheet = score(scorer, "2027-01-01T00:00:00Z", List.of(
                event("winter-0h59", "p-1", "cleanup", "2026-03-29T00:59:59Z"),
                event("summer-3h00", "p-1", "cleanup", "2026-03-29T01:00:00Z"),
                event("summer-2h59", "p-1", "cleanup", "2026-10-25T00:59:59Z"),
                event("winter-2h00", "p-1", "cleanup", "2026-10-25T01:00:00Z"),
                event("saturday-late", "p-1", "cleanup", "2026-10-24T21:59:59Z"),
                event("sunday-early", "p-1", "cleanup", "2026-10-24T22:00:00Z")));

        assertThat(scoreOf(sheet, "p-1").contributions())
                .extracting(contribution -> contribution.event() + ":" + contribution.rule())
                .containsExactly("winter-0h59:night", "winter-0h59:sunday", "summer-3h00:sunday",
                        "sunday-early:night", "sunday-early:sunday", "summer-2h59:night", "summer-2h59:sunday",
                        "winter-2h00:night", "winter-2h00:sunday");
    }

    @Test
    void scoresAreRoundedHalfUpToTwoDecimals() {
        assertThat(new PersonScore("p", 996.045, List.of()).roundedScore()).isEqualTo(996.05);
        assertThat(new PersonScore("p", 996.0449999, List.of()).roundedScore()).isEqualTo(996.04);
    }
}
