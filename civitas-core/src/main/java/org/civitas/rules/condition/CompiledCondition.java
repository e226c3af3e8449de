package org.civitas.rules.condition;

/** A condition compiled to Java closures by {@link NodeCompiler}. */
final class CompiledCondition implements Condition {

    private final String expression;
    private final Node root;

    CompiledCondition(String expression, Node root) {
        this.expression = expression;
        this.root = root;
    }

    @Override
    public Outcome evaluate(ConditionInput input) {
        Object result = root.eval(input);
        if (result == Boolean.TRUE) {
            return Outcome.MATCH;
        }
        return result == Boolean.FALSE ? Outcome.NO_MATCH : Outcome.ERROR;
    }

    @Override
    public String expression() {
        return expression;
    }

    @Override
    public String toString() {
        return "compiled(" + expression + ")";
    }
}
