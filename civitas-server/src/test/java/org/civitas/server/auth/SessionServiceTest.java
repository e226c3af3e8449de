package org.civitas.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.civitas.Tokens;
import org.civitas.account.Account;
import org.civitas.account.Role;
import org.civitas.store.Database;
import org.civitas.store.StorageSettings;
import org.civitas.store.accounts.AccountStore;
import org.civitas.store.sessions.SessionStore;
import org.civitas.testkit.ManualClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SessionServiceTest {

    private final ManualClock clock = new ManualClock(Instant.parse("2026-11-01T08:00:00Z"));
    private Database database;
    private SessionService sessions;

    @BeforeEach
    void open() {
        database = Database.open(new StorageSettings.InMemory("sessions-" + UUID.randomUUID()));
        PasswordHasher passwords = new PasswordHasher();
        AccountStore accounts = new AccountStore(database.jdbi());
        accounts.create(List.of(new Account("ada", passwords.hash("correct horse"), Role.CITIZEN,
                Optional.of("p-ada"), clock.instant())));
        sessions = new SessionService(accounts, new SessionStore(database.jdbi()), passwords, clock);
    }

    @AfterEach
    void close() {
        database.close();
    }

    private String signIn() {
        return sessions.login("ada", "correct horse").orElseThrow().token();
    }

    @Test
    void aSessionLeftIdleForHalfAnHourEnds() {
        String token = signIn();
        clock.advance(Duration.ofMinutes(29));
        assertThat(sessions.resolve(token)).isPresent();

        clock.advance(Duration.ofMinutes(31));

        assertThat(sessions.resolve(token)).isEmpty();
        clock.advance(Duration.ofSeconds(1));
        assertThat(sessions.resolve(token)).as("and stays ended").isEmpty();
    }

    @Test
    void anActiveSessionEndsTwelveHoursAfterSignIn() {
        String token = signIn();
        for (int i = 0; i < 35; i++) {
            clock.advance(Duration.ofMinutes(20));
            assertThat(sessions.resolve(token)).as("after %d minutes", (i + 1) * 20).isPresent();
        }

        clock.advance(Duration.ofMinutes(21));

        assertThat(sessions.resolve(token)).isEmpty();
    }

    @Test
    void aWrongPasswordOrAForgedTokenGetsNoSession() {
        signIn();

        assertThat(sessions.login("ada", "wrong")).isEmpty();
        assertThat(sessions.resolve(Tokens.random())).isEmpty();
        assertThat(sessions.resolve("")).isEmpty();
    }
}
