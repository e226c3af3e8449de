package org.civitas.governance;

import java.util.List;
import java.util.stream.Collectors;
import org.civitas.CivitasException;

/** A proposal with problems, which cannot open: every problem, found at once. */
public final class ProposalRefusedException extends CivitasException {

    private final List<ProposalProblem> problems;

    public ProposalRefusedException(List<ProposalProblem> problems) {
        super("the proposal cannot open: " + problems.stream().map(ProposalProblem::toString)
                .collect(Collectors.joining("; ")));
        this.problems = List.copyOf(problems);
    }

    public List<ProposalProblem> problems() {
        return problems;
    }
}
