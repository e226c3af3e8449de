package org.civitas.server.auth;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;
import java.util.Objects;

/**
 * Hashes passwords with Argon2id (19 MiB, two passes: the OWASP minimum) and checks them against a stored hash in
 * PHC form, whatever parameters it was made with. Every hash and check, the decoy check included, takes a slot of
 * {@link HashingSlots}, so that many sign-ins at once cannot take more memory than the slots allow.
 */
public final class PasswordHasher {

    private static final int MEMORY_KIB = 19_456;
    private static final Argon2Function ARGON2 = Argon2Function.getInstance(MEMORY_KIB, 2, 1, 32, Argon2.ID);

    private final HashingSlots slots;
    /** A hash to check against when there is no account, so a wrong username takes as long as a wrong password. */
    private final String decoy;

    /** A hasher with slots sized to this JVM's cores and heap. */
    public PasswordHasher() {
        this(HashingSlots.sizedFor(Runtime.getRuntime(), MEMORY_KIB * 1024L));
    }

    public PasswordHasher(HashingSlots slots) {
        this.slots = Objects.requireNonNull(slots, "slots");
        this.decoy = hash("no such account");
    }

    /** The hash of {@code password}; a {@link PasswordHashingBusyException} when no slot frees in time. */
    public String hash(String password) {
        return slots.run(() -> Password.hash(password).addRandomSalt(16).with(ARGON2).getResult());
    }

    /** Whether {@code password} is the one {@code hash} was made from; busy as {@link #hash} is. */
    public boolean matches(String password, String hash) {
        return slots.run(() -> {
            try {
                return Password.check(password, hash).with(Argon2Function.getInstanceFromHash(hash));
            } catch (RuntimeException malformedHash) {
                return false;
            }
        });
    }

    /** Spends the time (and the slot) of a check, for a login whose account does not exist. */
    public void checkNothing(String password) {
        matches(password, decoy);
    }
}
