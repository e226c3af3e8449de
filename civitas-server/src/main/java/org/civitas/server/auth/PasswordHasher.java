package org.civitas.server.auth;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;

/**
 * Hashes passwords with Argon2id (19 MiB, two passes: the OWASP minimum) and checks them against a stored hash in
 * PHC form, whatever parameters it was made with.
 */
public final class PasswordHasher {

    private static final Argon2Function ARGON2 = Argon2Function.getInstance(19_456, 2, 1, 32, Argon2.ID);

    /** A hash to check against when there is no account, so a wrong username takes as long as a wrong password. */
    private final String decoy = hash("no such account");

    public String hash(String password) {
        return Password.hash(password).addRandomSalt(16).with(ARGON2).getResult();
    }

    public boolean matches(String password, String hash) {
        try {
            return Password.check(password, hash).with(Argon2Function.getInstanceFromHash(hash));
        } catch (RuntimeException malformedHash) {
            return false;
        }
    }

    /** Spends the time of a check, for a login whose account does not exist. */
    public void checkNothing(String password) {
        matches(password, decoy);
    }
}
