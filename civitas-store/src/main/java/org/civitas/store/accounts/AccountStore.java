package org.civitas.store.accounts;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.civitas.account.Account;
import org.civitas.account.Accounts;
import org.civitas.account.Role;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;

/** Accounts, by username. */
public final class AccountStore implements Accounts {

    private static final RowMapper<Account> ACCOUNT = (rows, context) -> new Account(
            rows.getString("username"),
            rows.getString("password_hash"),
            Role.fromLabel(rows.getString("role")),
            Optional.ofNullable(rows.getString("person")),
            rows.getTimestamp("created_at").toInstant(),
            Optional.ofNullable(rows.getTimestamp("disabled_at")).map(Timestamp::toInstant));

    private final Jdbi jdbi;

    public AccountStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public void create(List<Account> accounts) {
        jdbi.useTransaction(handle -> {
            var batch = handle.prepareBatch("INSERT INTO accounts (username, password_hash, role, person, created_at)"
                    + " VALUES (:username, :hash, :role, :person, :createdAt)");
            for (Account account : accounts) {
                batch.bind("username", account.username())
                        .bind("hash", account.passwordHash())
                        .bind("role", account.role().label())
                        .bind("person", account.person().orElse(null))
                        .bind("createdAt", account.createdAt())
                        .add();
            }
            batch.execute();
        });
    }

    @Override
    public Optional<Account> find(String username) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT * FROM accounts WHERE username = :username")
                .bind("username", username)
                .map(ACCOUNT)
                .findOne());
    }

    @Override
    public List<Account> officials() {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT * FROM accounts WHERE role <> :citizen"
                + " ORDER BY username")
                .bind("citizen", Role.CITIZEN.label())
                .map(ACCOUNT)
                .list());
    }

    @Override
    public boolean disable(String username, Instant at) {
        return jdbi.withHandle(handle -> handle.createUpdate("UPDATE accounts SET disabled_at = :at"
                + " WHERE username = :username AND disabled_at IS NULL")
                .bind("at", at)
                .bind("username", username)
                .execute()) == 1;
    }

    @Override
    public long count() {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT COUNT(*) FROM accounts").mapTo(Long.class).one());
    }
}
