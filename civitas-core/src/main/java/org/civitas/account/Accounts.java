package org.civitas.account;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Where accounts are kept. */
public interface Accounts {

    /** Keeps new accounts, all or none. */
    void create(List<Account> accounts);

    Optional<Account> find(String username);

    /** Every account of an official (any role but citizen), by username. */
    List<Account> officials();

    /** Disables account {@code username} at {@code at}; false if there is none or it is disabled already. */
    boolean disable(String username, Instant at);

    long count();
}
