package org.civitas.validation;

import java.util.List;
import java.util.stream.Collectors;
import org.civitas.CivitasException;

/** A file was refused; {@link #issues()} lists every problem found, not just the first. */
public final class ValidationException extends CivitasException {

    private final List<Issue> issues;

    public ValidationException(String what, List<Issue> issues) {
        super(what + " refused, " + issues.size() + (issues.size() == 1 ? " problem" : " problems") + ":\n"
                + issues.stream().map(issue -> "  " + issue).collect(Collectors.joining("\n")));
        this.issues = List.copyOf(issues);
    }

    public List<Issue> issues() {
        return issues;
    }
}
