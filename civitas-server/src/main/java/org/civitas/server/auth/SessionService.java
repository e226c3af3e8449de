package org.civitas.server.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.civitas.store.accounts.Account;
import org.civitas.store.accounts.AccountStore;
import org.civitas.store.sessions.Session;
import org.civitas.store.sessions.SessionStore;

/**
 * Logging in and out, and finding the session behind a cookie. A session ends after half an hour without a request
 * or twelve hours after login, whichever comes first; logging in always starts a new session.
 */
public final class SessionService {

    public static final String COOKIE = "civitas_session";
    public static final Duration IDLE = Duration.ofMinutes(30);
    public static final Duration LIFETIME = Duration.ofHours(12);
    private static final Duration TOUCH_EVERY = Duration.ofMinutes(1);

    /** A new session: the token for the cookie (never stored), and who it is for. */
    public record Login(String token, Principal principal) {
    }

    private final AccountStore accounts;
    private final SessionStore sessions;
    private final PasswordHasher passwords;
    private final Clock clock;

    public SessionService(AccountStore accounts, SessionStore sessions, PasswordHasher passwords, Clock clock) {
        this.accounts = accounts;
        this.sessions = sessions;
        this.passwords = passwords;
        this.clock = clock;
    }

    /** A new session for the account, if the password is right. */
    public Optional<Login> login(String username, String password) {
        Optional<Account> account = accounts.find(username);
        if (account.isEmpty()) {
            passwords.checkNothing(password);
            return Optional.empty();
        }
        if (!passwords.matches(password, account.get().passwordHash())) {
            return Optional.empty();
        }
        String token = Tokens.random();
        Instant now = clock.instant();
        Session session = new Session(Tokens.sha256(token), username, Tokens.random(), now, now);
        sessions.create(session);
        return Optional.of(new Login(token, principal(account.get(), session)));
    }

    /** Who the session behind {@code token} is, if it is still alive; an expired one is ended. */
    public Optional<Principal> resolve(String token) {
        if (token == null || token.isBlank()) {
            return Optional.empty();
        }
        String hash = Tokens.sha256(token);
        Optional<Session> found = sessions.find(hash);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Session session = found.get();
        Instant now = clock.instant();
        if (now.isAfter(session.lastSeenAt().plus(IDLE)) || now.isAfter(session.createdAt().plus(LIFETIME))) {
            sessions.delete(hash);
            return Optional.empty();
        }
        if (now.isAfter(session.lastSeenAt().plus(TOUCH_EVERY))) {
            sessions.touch(hash, now);
        }
        return accounts.find(session.username()).map(account -> principal(account, session));
    }

    public void logout(Principal principal) {
        sessions.delete(principal.tokenHash());
    }

    /** Ends sessions that went idle; returns how many. */
    public int endIdleSessions() {
        return sessions.deleteIdleSince(clock.instant().minus(IDLE));
    }

    private static Principal principal(Account account, Session session) {
        return new Principal(account.username(), account.role(), account.person(), session.csrfToken(),
                session.tokenHash());
    }
}
