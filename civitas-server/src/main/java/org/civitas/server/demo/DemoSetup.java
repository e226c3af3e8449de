package org.civitas.server.demo;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongConsumer;
import org.civitas.city.CityGenerator;
import org.civitas.city.CitySources;
import org.civitas.city.DemoCity;
import org.civitas.constitution.Constitution;
import org.civitas.event.Event;
import org.civitas.ledger.FileLedger;
import org.civitas.privacy.PersonalDataSeal;
import org.civitas.rules.RuleBookLoader;
import org.civitas.scoring.PersonScore;
import org.civitas.scoring.ScoreSheet;
import org.civitas.scoring.Scorer;
import org.civitas.scoring.ScoringRun;
import org.civitas.server.auth.PasswordHasher;
import org.civitas.server.ingest.SourceRegistry;
import org.civitas.store.Database;
import org.civitas.store.StorageSettings;
import org.civitas.store.accounts.Account;
import org.civitas.store.accounts.AccountStore;
import org.civitas.store.accounts.Role;
import org.civitas.store.sources.RegisteredSource;
import org.civitas.store.sources.SourceStore;
import org.civitas.store.sources.SourceType;

/**
 * Builds the demo city in a data directory: its history in the ledger, its sources registered with keys, and an
 * account for a handful of residents (the best, the worst and some ordinary ones) and for every other role.
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

    /** Registers the city's sources and creates the demo accounts; returns how to use them. */
    public static DemoAccounts createAccounts(StorageSettings storage, ScoreSheet scores, Instant now) {
        PasswordHasher passwords = new PasswordHasher();
        try (Database database = Database.open(storage)) {
            SourceRegistry registry = new SourceRegistry(new SourceStore(database.jdbi()),
                    Clock.fixed(now, ZoneOffset.UTC));
            List<DemoAccounts.Source> sources = new ArrayList<>();
            List<DemoAccounts.Citizen> citizens = chooseCitizens(scores).stream()
                    .map(person -> new DemoAccounts.Citizen(person, person, password()))
                    .toList();
            for (CitySources.SourceSpec spec : CitySources.ALL) {
                RegisteredSource source = registry.register(spec.name(), spec.types().stream()
                        .map(type -> new SourceType(type.type(), type.category())).toList());
                sources.add(new DemoAccounts.Source(source.name(), source.keyId(), source.secret(),
                        spec.types().stream().map(CitySources.TypeSpec::type).toList(),
                        examples(spec, citizens.get(0).person(), now)));
            }
            Map<Role, DemoAccounts.Login> officials = new LinkedHashMap<>();
            for (Role role : List.of(Role.CASEWORKER, Role.REVIEWER, Role.COUNCIL, Role.AUDITOR, Role.ADMIN)) {
                officials.put(role, new DemoAccounts.Login(role.label(), password()));
            }
            List<NewAccount> accounts = new ArrayList<>();
            citizens.forEach(citizen -> accounts.add(new NewAccount(citizen.username(), citizen.password(),
                    Role.CITIZEN, Optional.of(citizen.person()))));
            officials.forEach((role, login) -> accounts.add(new NewAccount(login.username(), login.password(), role,
                    Optional.empty())));
            new AccountStore(database.jdbi()).create(accounts.parallelStream()
                    .map(account -> account.hashedWith(passwords, now)).toList());
            return new DemoAccounts(citizens, CityGenerator.HOME_JURISDICTION, sources,
                    officials.get(Role.CASEWORKER), officials.get(Role.REVIEWER), officials.get(Role.COUNCIL),
                    officials.get(Role.AUDITOR), officials.get(Role.ADMIN));
        }
    }

    /** A demo account before its password is hashed; hashing takes a deliberate fifth of a second, so on every core. */
    private record NewAccount(String username, String password, Role role, Optional<String> person) {

        Account hashedWith(PasswordHasher passwords, Instant now) {
            return new Account(username, passwords.hash(password), role, person, now);
        }
    }

    /** Three ordinary residents, then the lowest and the highest score. */
    private static List<String> chooseCitizens(ScoreSheet scores) {
        List<PersonScore> people = scores.people();
        List<String> chosen = new ArrayList<>();
        people.stream().limit(3).forEach(person -> chosen.add(person.person()));
        people.stream().min(Comparator.comparingDouble(PersonScore::score))
                .filter(person -> !chosen.contains(person.person())).ifPresent(person -> chosen.add(person.person()));
        people.stream().max(Comparator.comparingDouble(PersonScore::score))
                .filter(person -> !chosen.contains(person.person())).ifPresent(person -> chosen.add(person.person()));
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
