package org.civitas.rules.condition;

/**
 * Why an expression does not compile, and where in it: {@code line} and {@code column} count from 1 within the
 * expression text.
 */
public record ExpressionProblem(int line, int column, String message) {
}
