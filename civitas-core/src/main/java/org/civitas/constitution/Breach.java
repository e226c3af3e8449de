package org.civitas.constitution;

/** A rule crosses a limit of the constitution: which clause, what it says, and how the rule crosses it. */
public record Breach(String clauseId, String clauseText, String detail) {

    @Override
    public String toString() {
        return "breaks clause " + clauseId + " (\"" + clauseText + "\"): " + detail;
    }
}
