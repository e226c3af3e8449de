package org.civitas.server.pages;

import java.util.List;
import java.util.Optional;
import org.civitas.account.Role;
import org.civitas.server.auth.Principal;

/**
 * What every page shares: its title, which part of the site it is, who is signed in, and the scripts it needs.
 *
 * @param active the navigation entry to mark as current: score, data, access, sharing, support, shared, cases, rules,
 *     proposals, stats or login
 */
public record Frame(String title, String active, Optional<Principal> principal, List<String> scripts) {

    public Frame {
        scripts = List.copyOf(scripts);
    }

    public boolean signedIn() {
        return principal.isPresent();
    }

    public boolean citizen() {
        return principal.flatMap(Principal::person).isPresent();
    }

    public boolean caseWorker() {
        return principal.map(Principal::role).filter(role -> role == Role.CASEWORKER).isPresent();
    }

    public boolean reviewer() {
        return principal.map(Principal::role).filter(role -> role == Role.REVIEWER).isPresent();
    }

    public String csrfToken() {
        return principal.map(Principal::csrfToken).orElse("");
    }

    public String username() {
        return principal.map(Principal::username).orElse("");
    }
}
