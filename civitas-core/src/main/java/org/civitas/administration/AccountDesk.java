package org.civitas.administration;

import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import org.civitas.ConflictException;
import org.civitas.InvalidInputException;
import org.civitas.NotFoundException;
import org.civitas.account.Account;
import org.civitas.account.Accounts;
import org.civitas.account.Actor;
import org.civitas.account.Role;
import org.civitas.officials.Act;
import org.civitas.officials.OfficialRecord;

/**
 * Where administrators open accounts for officials and disable accounts, each an act of the official record with its
 * reason. A citizen's account belongs to a person and comes with their registration, never from an administrator. No
 * account is deleted: a disabled one signs in no more, and the record goes on naming its acts.
 */
public final class AccountDesk {

    /** The shortest password an official's account may have. */
    public static final int MIN_PASSWORD = 12;
    /** The longest password: hashing is costly enough without megabytes of it. */
    public static final int MAX_PASSWORD = 256;
    /** The longest reason an administrator gives, in characters. */
    public static final int MAX_REASON = 500;
    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{1,63}");

    private final Accounts accounts;
    private final OfficialRecord officials;
    private final UnaryOperator<String> hashPassword;
    private final Clock clock;

    /** @param hashPassword makes the stored hash of a password */
    public AccountDesk(Accounts accounts, OfficialRecord officials, UnaryOperator<String> hashPassword, Clock clock) {
        this.accounts = accounts;
        this.officials = officials;
        this.hashPassword = hashPassword;
        this.clock = clock;
    }

    /** Every official's account, by username: who holds which role, and since when. */
    public List<Account> officials() {
        return accounts.officials();
    }

    /** {@code admin} opens an account for an official in {@code roleLabel}; refused, naming the field, otherwise. */
    public Account open(Actor admin, String username, String password, String roleLabel, String reason) {
        if (!USERNAME.matcher(username).matches()) {
            throw new InvalidInputException("username", "2 to 64 lower-case letters, digits, '.', '_' or '-',"
                    + " starting with a letter or digit");
        }
        Role role = official(roleLabel);
        if (password.length() < MIN_PASSWORD || password.length() > MAX_PASSWORD) {
            throw new InvalidInputException("password", MIN_PASSWORD + " to " + MAX_PASSWORD + " characters, not "
                    + password.length());
        }
        String why = reason(reason);
        if (accounts.find(username).isPresent()) {
            throw new ConflictException("username: an account '" + username + "' exists already");
        }
        Account account = new Account(username, hashPassword.apply(password), role, Optional.empty(),
                clock.instant());
        try {
            accounts.create(List.of(account));
        } catch (RuntimeException taken) {
            if (accounts.find(username).isPresent()) {
                throw new ConflictException("username: an account '" + username + "' was opened meanwhile");
            }
            throw taken;
        }
        officials.record(admin, Act.ACCOUNT_OPENED, "opened an account for a " + role.label() + " ("
                + new Actor(username, role).badge() + "): " + why, Optional.empty());
        return account;
    }

    /**
     * {@code admin} disables account {@code username}, which signs in no more and whose sessions end. Not their own:
     * another administrator must. An act concerning the person if it is a citizen's account.
     */
    public Account disable(Actor admin, String username, String reason) {
        Account account = accounts.find(username)
                .orElseThrow(() -> new NotFoundException("there is no account '" + username + "'"));
        if (username.equals(admin.username())) {
            throw new ConflictException("you may not disable your own account; another administrator must");
        }
        String why = reason(reason);
        if (!accounts.disable(username, clock.instant())) {
            throw new ConflictException("the account '" + username + "' is disabled already");
        }
        String whose = account.role() == Role.CITIZEN ? "a citizen's account"
                : "the account of a " + account.role().label() + " (" + new Actor(username, account.role()).badge()
                        + ")";
        officials.record(admin, Act.ACCOUNT_DISABLED, "disabled " + whose + ": " + why, account.person());
        return accounts.find(username).orElseThrow();
    }

    private static Role official(String label) {
        List<String> roles = Arrays.stream(Role.values()).filter(role -> role != Role.CITIZEN).map(Role::label)
                .toList();
        if (Role.CITIZEN.label().equals(label)) {
            throw new InvalidInputException("role", "a citizen's account comes with their registration, not from an"
                    + " administrator; one of " + String.join(", ", roles));
        }
        if (!roles.contains(label)) {
            throw new InvalidInputException("role", "one of " + String.join(", ", roles)
                    + ", not '" + label + "'");
        }
        return Role.fromLabel(label);
    }

    private static String reason(String reason) {
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty() || why.length() > MAX_REASON) {
            throw new InvalidInputException("reason", why.isEmpty() ? "required: why, for the public record"
                    : "at most " + MAX_REASON + " characters, not " + why.length());
        }
        return why;
    }
}
