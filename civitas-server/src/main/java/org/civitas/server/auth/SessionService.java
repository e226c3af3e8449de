package org.civitas.server.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.civitas.Tokens;
import org.civitas.account.Account;
import org.civitas.account.Accounts;
import org.civitas.account.Session;
import org.civitas.account.Sessions;

/**
 * Logging in and out, and finding the session behind a cookie. A session ends after half an hour without a request
 * or twelve hours after login, whichever comes first, or within seconds of its account being disabled; logging in
 * always starts a new session.
 */
public final class SessionService {

    public static final String COOKIE = "civitas_session";
    public static final Duration IDLE = Duration.ofMinutes(30);
    public static final Duration LIFETIME = Duration.ofHours(12);
    private static final Duration TOUCH_EVERY = Duration.ofMinutes(1);

    /** A new session: the token for the cookie (never stored), and who it is for. */
    public record Login(String token, Principal principal) {
    }

    /** How long a session found in the store is trusted without asking the store again. */
    private static final Duration REMEMBER = Duration.ofSeconds(5);

    private record Remembered(Principal principal, Session session, Instant fetchedAt) {
    }

    private final Accounts accounts;
    private final Sessions sessions;
    private final PasswordHasher passwords;
    private final Clock clock;
    /** Recently read sessions, by token: this process holds the tokens of its requests anyway. */
    private final Map<String, Remembered> recent = new ConcurrentHashMap<>();

    public SessionService(Accounts accounts, Sessions sessions, PasswordHasher passwords, Clock clock) {
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
        if (!passwords.matches(password, account.get().passwordHash()) || !account.get().enabled()) {
            return Optional.empty();
        }
        String token = Tokens.random();
        Instant now = clock.instant();
        Session session = new Session(Tokens.sha256(token), username, Tokens.random(), now, now);
        sessions.create(session);
        return Optional.of(new Login(token, principal(account.get(), session)));
    }

    /**
     * Who the session behind {@code token} is, if it is still alive; an expired one is ended. A session read from the
     * store is trusted for a few seconds before it is read again, so a burst of requests costs one lookup; signing
     * out on this server ends it at once.
     */
    public Optional<Principal> resolve(String token) {
        if (token == null || token.isBlank()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Remembered remembered = recent.get(token);
        if (remembered == null || now.isAfter(remembered.fetchedAt().plus(REMEMBER))) {
            remembered = fetch(Tokens.sha256(token), now);
            if (remembered == null) {
                recent.remove(token);
                return Optional.empty();
            }
            recent.put(token, remembered);
        }
        if (expired(remembered.session(), now)) {
            recent.remove(token);
            sessions.delete(remembered.session().tokenHash());
            return Optional.empty();
        }
        return Optional.of(remembered.principal());
    }

    /** The session behind {@code hash}, marked as seen now; null if there is none or it has expired (and is ended). */
    private Remembered fetch(String hash, Instant now) {
        Optional<Session> found = sessions.find(hash);
        if (found.isEmpty()) {
            return null;
        }
        Session session = found.get();
        if (expired(session, now)) {
            sessions.delete(hash);
            return null;
        }
        if (now.isAfter(session.lastSeenAt().plus(TOUCH_EVERY))) {
            sessions.touch(hash, now);
            session = new Session(session.tokenHash(), session.username(), session.csrfToken(), session.createdAt(),
                    now);
        }
        Optional<Account> account = accounts.find(session.username()).filter(Account::enabled);
        if (account.isEmpty()) {
            sessions.delete(hash);
            return null;
        }
        return new Remembered(principal(account.get(), session), session, now);
    }

    private static boolean expired(Session session, Instant now) {
        return now.isAfter(session.lastSeenAt().plus(IDLE)) || now.isAfter(session.createdAt().plus(LIFETIME));
    }

    public void logout(Principal principal) {
        recent.values().removeIf(remembered -> remembered.session().tokenHash().equals(principal.tokenHash()));
        sessions.delete(principal.tokenHash());
    }

    /** Ends sessions that went idle; returns how many. */
    public int endIdleSessions() {
        recent.values().removeIf(remembered -> clock.instant().isAfter(remembered.fetchedAt().plus(REMEMBER)));
        return sessions.deleteIdleSince(clock.instant().minus(IDLE));
    }

    private static Principal principal(Account account, Session session) {
        return new Principal(account.username(), account.role(), account.person(), session.csrfToken(),
                session.tokenHash());
    }
}
