package org.civitas.store.rewards;

import java.sql.SQLException;
import java.time.Instant;
import org.civitas.reward.Redemptions;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/** Spent claim tokens and claim markers, in SQL: a second row with the same key is how "once" is kept. */
public final class RedemptionStore implements Redemptions {

    /** The SQL state both H2 and PostgreSQL give a second row with the same key. */
    private static final String UNIQUE_VIOLATION = "23505";

    private final Jdbi jdbi;

    public RedemptionStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public boolean spend(String nonce, String jurisdiction, String reward, String provider, Instant at) {
        return once(() -> jdbi.useHandle(handle -> handle.createUpdate("INSERT INTO reward_redemptions (nonce,"
                        + " jurisdiction, reward, provider, redeemed_at) VALUES (:nonce, :jurisdiction, :reward,"
                        + " :provider, :at)")
                .bind("nonce", nonce).bind("jurisdiction", jurisdiction).bind("reward", reward)
                .bind("provider", provider).bind("at", at).execute()));
    }

    @Override
    public boolean claim(String marker, Instant at) {
        return once(() -> jdbi.useHandle(handle -> handle.createUpdate("INSERT INTO reward_claims (marker,"
                + " claimed_at) VALUES (:marker, :at)").bind("marker", marker).bind("at", at).execute()));
    }

    /** Whether {@code insert} added its row, rather than finding one with its key. */
    private static boolean once(Runnable insert) {
        try {
            insert.run();
            return true;
        } catch (UnableToExecuteStatementException e) {
            if (e.getCause() instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                return false;
            }
            throw e;
        }
    }
}
