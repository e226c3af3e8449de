package org.civitas.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.civitas.constitution.Constitution;
import org.civitas.event.Event;
import org.civitas.event.EventJson;
import org.civitas.ndjson.NdjsonReader;
import org.civitas.ndjson.ParsedBatch;
import org.civitas.rules.RuleBookLoader;
import org.civitas.scoring.PersonScore;
import org.civitas.scoring.ScoreSheet;
import org.civitas.scoring.Scorer;
import org.civitas.scoring.ScoringRun;
import org.junit.jupiter.api.Test;

class CityGeneratorTest {

    private static List<Event> city(int people, int days, long seed) {
        List<Event> events = new ArrayList<>();
        new CityGenerator(new CityGenerator.Settings(people, days, seed, CityGenerator.DEFAULT_UNTIL))
                .generate(events::add);
        return events;
    }

    @Test
    void theSameSeedGivesTheSameCityAndAnotherSeedAnother() {
        assertThat(city(50, 10, 7)).isEqualTo(city(50, 10, 7));
        assertThat(city(50, 10, 7)).isNotEqualTo(city(50, 10, 8));
    }

    @Test
    void everyEventSurvivesTheTripThroughNdjson() throws IOException {
        List<Event> events = city(30, 10, 1);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Event event : events) {
            out.write(EventJson.toLine(event).getBytes(StandardCharsets.UTF_8));
            out.write('\n');
        }

        ParsedBatch parsed = NdjsonReader.readAll(new ByteArrayInputStream(out.toByteArray()));

        assertThat(parsed.errors()).isEmpty();
        assertThat(parsed.events()).isEqualTo(events);
    }

    @Test
    void historiesAreDayByDayAndHaveEveryKindOfData() {
        List<Event> events = city(200, 40, 3);

        Instant firstDay = CityGenerator.DEFAULT_UNTIL.minusSeconds(40 * 86_400L);
        assertThat(events).allSatisfy(event -> assertThat(event.occurredAt())
                .isBetween(firstDay, CityGenerator.DEFAULT_UNTIL));
        Map<String, Long> types = events.stream().collect(Collectors.groupingBy(Event::type, TreeMap::new,
                Collectors.counting()));
        assertThat(types.keySet()).contains("web-visit", "gps-point", "content-view", "interest-profile",
                "red-light-crossing", "speeding", "bill-payment", "volunteering", "cleanup");
        assertThat(events.stream().map(Event::jurisdiction).distinct())
                .containsExactlyInAnyOrder("lakeside", "riverton");
        assertThat(events.stream().filter(event -> event.type().equals("web-visit")))
                .allSatisfy(event -> assertThat(event.attributes().asMap()).containsKeys("site", "seconds"));
    }

    @Test
    void mostPeopleAreFineAndAFewAreInTrouble() {
        Scorer scorer = new Scorer(DemoCity.ruleBooks(new RuleBookLoader(Constitution.standard())));
        ScoringRun run = scorer.start(CityGenerator.DEFAULT_UNTIL);
        city(1000, 120, 5).forEach(run::accept);
        ScoreSheet sheet = run.finish();

        List<Double> scores = sheet.people().stream().map(PersonScore::score).sorted().toList();
        long fine = scores.stream().filter(score -> score >= 990 && score <= 1040).count();
        long inTrouble = scores.stream().filter(score -> score < 990).count();
        assertThat(sheet.people()).hasSize(1000);
        assertThat(fine).as("people between 990 and 1040").isGreaterThan(700);
        assertThat(inTrouble).as("people more than 10 points down").isBetween(10L, 100L);
        assertThat(sheet.evaluationErrors()).isEmpty();
    }

    @Test
    void theDemoBooksCoverTheCitysJurisdictions() {
        var books = DemoCity.ruleBooks(new RuleBookLoader(Constitution.standard()));

        assertThat(books.forJurisdiction(CityGenerator.HOME_JURISDICTION)).isPresent();
        assertThat(books.forJurisdiction(CityGenerator.NEIGHBOUR_JURISDICTION)).isPresent();
    }

}
