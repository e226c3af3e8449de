package org.civitas.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.civitas.account.Account;
import org.civitas.account.Role;
import org.civitas.demo.CityGenerator;
import org.civitas.demo.CitySources;
import org.civitas.demo.DemoAccounts;
import org.civitas.demo.DemoSetup;
import org.civitas.scoring.ScoreSheet;
import org.civitas.server.auth.PasswordHasher;
import org.civitas.source.RegisteredSource;
import org.civitas.source.SourceRegistry;
import org.civitas.source.SourceType;
import org.civitas.store.Database;
import org.civitas.store.StorageSettings;
import org.civitas.store.accounts.AccountStore;
import org.civitas.store.sources.SourceStore;

/** Registers the demo city's sources with keys and creates its accounts, as an administrator would. */
final class DemoAccountsSetup {

    private DemoAccountsSetup() {
    }

    /** Registers the sources and creates the accounts in {@code storage}; returns how to use them. */
    static DemoAccounts create(StorageSettings storage, Path data, ScoreSheet scores, int citizenAccounts,
            Instant now) {
        PasswordHasher passwords = new PasswordHasher();
        try (Database database = Database.open(storage)) {
            SourceRegistry registry = new SourceRegistry(new SourceStore(database.jdbi()), data,
                    Clock.fixed(now, ZoneOffset.UTC));
            List<DemoAccounts.Citizen> citizens = DemoSetup.citizens(scores, citizenAccounts);
            List<DemoAccounts.Source> sources = new ArrayList<>();
            for (CitySources.SourceSpec spec : CitySources.ALL) {
                RegisteredSource source = registry.register(spec.name(), spec.types().stream()
                        .map(type -> new SourceType(type.type(), type.category())).toList());
                sources.add(DemoSetup.source(spec, source.keyId(), source.secret(), citizens.get(0).person(), now));
            }
            Map<Role, DemoAccounts.Login> officials = new LinkedHashMap<>();
            for (Role role : List.of(Role.CASEWORKER, Role.COUNCIL, Role.AUDITOR, Role.ADMIN)) {
                officials.put(role, DemoSetup.login(role.label()));
            }
            List<DemoAccounts.Login> reviewers = List.of(DemoSetup.login("reviewer"), DemoSetup.login("reviewer-2"));
            List<NewAccount> accounts = new ArrayList<>();
            citizens.forEach(citizen -> accounts.add(new NewAccount(citizen.username(), citizen.password(),
                    Role.CITIZEN, Optional.of(citizen.person()))));
            officials.forEach((role, login) -> accounts.add(new NewAccount(login.username(), login.password(), role,
                    Optional.empty())));
            reviewers.forEach(login -> accounts.add(new NewAccount(login.username(), login.password(), Role.REVIEWER,
                    Optional.empty())));
            new AccountStore(database.jdbi()).create(accounts.parallelStream()
                    .map(account -> account.hashedWith(passwords, now)).toList());
            return new DemoAccounts(citizens, CityGenerator.HOME_JURISDICTION, sources,
                    officials.get(Role.CASEWORKER), reviewers, officials.get(Role.COUNCIL),
                    officials.get(Role.AUDITOR), officials.get(Role.ADMIN));
        }
    }

    /** A demo account before its password is hashed; hashing takes a deliberate fifth of a second, so on every core. */
    private record NewAccount(String username, String password, Role role, Optional<String> person) {

        Account hashedWith(PasswordHasher passwords, Instant now) {
            return new Account(username, passwords.hash(password), role, person, now);
        }
    }
}
