package org.civitas.account;

import java.util.List;
import java.util.Optional;

/** Where accounts are kept. */
public interface Accounts {

    /** Keeps new accounts, all or none. */
    void create(List<Account> accounts);

    Optional<Account> find(String username);

    long count();
}
