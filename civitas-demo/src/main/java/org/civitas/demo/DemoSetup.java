package org.civitas.demo;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;
import org.civitas.constitution.Constitution;
import org.civitas.event.Event;
import org.civitas.ledger.FileLedger;
import org.civitas.privacy.PersonalDataSeal;
import org.civitas.rules.RuleBookLoader;
import org.civitas.scoring.PersonScore;
import org.civitas.scoring.ScoreSheet;
import org.civitas.scoring.Scorer;
import org.civitas.scoring.ScoringRun;

/**
 * Builds the demo city in a data directory: its history in the ledger, and what its accounts are to be: a handful of
 * residents (the best, the worst and some ordinary ones), every other role, and how each source signs.
 */
public final class DemoSetup {

    private static final int BATCH = 65_536;
    private static final String LETTERS = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private DemoSetup() {
    }

    /**
     * Generates the city's history into the ledger of {@code data}, personal-only attributes sealed; returns everyone's
     * scores.
     */
    public static ScoreSheet recordHistory(CityGenerator.Settings city, Path data,
            LongConsumer progress) {
        Scorer scorer = new Scorer(DemoCity.ruleBooks(
                new RuleBookLoader(Constitution.standard(), DemoCity.categories())));
        ScoringRun run = scorer.start(city.until());
        long[] written = {0};
        PersonalDataSeal seal = DemoCity.seal(data);
        try (FileLedger ledger = FileLedger.open(data)) {
            List<Event> batch = new ArrayList<>(BATCH);
            new CityGenerator(city).generate(event -> {
                run.accept(event);
                batch.add(event);
                if (batch.size() == BATCH) {
                    written[0] += ledger.write(ledger.encode(sealed(seal, batch))).accepted();
                    batch.clear();
                    progress.accept(written[0]);
                }
            });
            written[0] += ledger.write(ledger.encode(sealed(seal, batch))).accepted();
            seal.keys().sync();
            ledger.commit();
            progress.accept(written[0]);
        }
        return run.finish();
    }

    /** The events sealed on every core: sealing is the costliest step of recording the history. */
    private static List<Event> sealed(PersonalDataSeal seal, List<Event> events) {
        return events.parallelStream().map(seal::seal).toList();
    }

    /** How many residents get an account unless asked otherwise: three ordinary ones, the lowest, the highest. */
    public static final int CITIZEN_ACCOUNTS = 5;

    /** The residents who get an account, each with a fresh password: three ordinary ones, the lowest, the highest. */
    public static List<DemoAccounts.Citizen> citizens(ScoreSheet scores) {
        return citizens(scores, CITIZEN_ACCOUNTS);
    }

    /**
     * {@code count} residents with an account, each with a fresh password: the lowest and the highest score among
     * them, and ordinary ones for the rest (as many as the city has).
     */
    public static List<DemoAccounts.Citizen> citizens(ScoreSheet scores, int count) {
        return chooseCitizens(scores, count).stream()
                .map(person -> new DemoAccounts.Citizen(person, person, password(), CityGenerator.HOME_JURISDICTION))
                .toList();
    }

    /** A login for an official's role, with a fresh password. */
    public static DemoAccounts.Login login(String username) {
        return new DemoAccounts.Login(username, password());
    }

    /** How {@code spec} signs its batches with {@code key} and {@code secret}, with an example event of each type. */
    public static DemoAccounts.Source source(CitySources.SourceSpec spec, String key, String secret, String person,
            Instant now) {
        return new DemoAccounts.Source(spec.name(), key, secret,
                spec.types().stream().map(CitySources.TypeSpec::type).toList(), examples(spec, person, now));
    }

    /** Ordinary residents, then the lowest and the highest score: {@code count} in all, or everyone. */
    private static List<String> chooseCitizens(ScoreSheet scores, int count) {
        List<PersonScore> people = scores.people();
        List<String> extremes = new ArrayList<>();
        people.stream().min(Comparator.comparingDouble(PersonScore::score)).map(PersonScore::person)
                .ifPresent(extremes::add);
        people.stream().max(Comparator.comparingDouble(PersonScore::score)).map(PersonScore::person)
                .filter(person -> !extremes.contains(person)).ifPresent(extremes::add);
        List<String> chosen = new ArrayList<>();
        people.stream().map(PersonScore::person).filter(person -> !extremes.contains(person))
                .limit(Math.max(0, count - extremes.size())).forEach(chosen::add);
        extremes.stream().limit(Math.max(0, count - chosen.size())).forEach(chosen::add);
        return chosen;
    }

    private static List<Map<String, Object>> examples(CitySources.SourceSpec spec, String person, Instant now) {
        List<Map<String, Object>> examples = new ArrayList<>();
        for (CitySources.TypeSpec type : spec.types()) {
            Map<String, Object> event = new LinkedHashMap<>();
            event.put("id", "example-" + type.type() + "-1");
            event.put("source", spec.name());
            event.put("person", person);
            event.put("type", type.type());
            event.put("occurredAt", now.toString());
            event.put("jurisdiction", CityGenerator.HOME_JURISDICTION);
            event.put("attributes", type.exampleAttributes());
            examples.add(event);
        }
        return examples;
    }

    private static String password() {
        StringBuilder password = new StringBuilder(14);
        for (int i = 0; i < 14; i++) {
            password.append(LETTERS.charAt(RANDOM.nextInt(LETTERS.length())));
        }
        return password.toString();
    }
}
