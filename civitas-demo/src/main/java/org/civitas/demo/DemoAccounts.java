package org.civitas.demo;

import java.util.List;
import java.util.Map;

/**
 * What {@code civitas demo} writes to {@code demo-accounts.json}: how to sign in as each role and how each of the
 * city's sources signs its batches, with one valid event of each type it may send. There are two reviewers, as a
 * dispute needs.
 */
public record DemoAccounts(
        List<Citizen> citizens, String jurisdiction, List<Source> sources, Login caseworker, List<Login> reviewers,
        Login council, Login auditor, Login admin) {

    /**
     * A resident with an account.
     *
     * @param residence the jurisdiction the registry has them living in: where they may propose and vote
     */
    public record Citizen(String person, String username, String password, String residence) {
    }

    /** An account of some other role. */
    public record Login(String username, String password) {
    }

    /** A data source: its key and secret, the types it may send and an example event of each. */
    public record Source(String source, String key, String secret, List<String> types,
            List<Map<String, Object>> examples) {
    }
}
