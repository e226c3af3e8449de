package org.civitas.reward;

import java.time.Instant;

/**
 * Where spent tokens and claims are kept: a token's nonce once spent, and a marker of each claim that only its
 * person's key makes, so that nothing here names anyone.
 */
public interface Redemptions {

    /** Spends the token {@code nonce}; false if it was spent before. */
    boolean spend(String nonce, String jurisdiction, String reward, String provider, Instant at);

    /** Records a claim by its marker; false if a claim with this marker was recorded before. */
    boolean claim(String marker, Instant at);
}
