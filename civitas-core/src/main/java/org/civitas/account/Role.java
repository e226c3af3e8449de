package org.civitas.account;

import java.util.Locale;

/** What an account may do. Every endpoint declares the roles it serves; nothing is allowed by default. */
public enum Role {
    /** A person, who sees their own data and score. */
    CITIZEN,
    /** A case worker, who sees only what a person shares with them. */
    CASEWORKER,
    /** A reviewer of disputed entries. */
    REVIEWER,
    /** A member of a council that votes on rule books. */
    COUNCIL,
    /** An auditor of officials' actions and of the ledger. */
    AUDITOR,
    /** An administrator of sources and accounts. */
    ADMIN;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Role fromLabel(String label) {
        return valueOf(label.toUpperCase(Locale.ROOT));
    }
}
