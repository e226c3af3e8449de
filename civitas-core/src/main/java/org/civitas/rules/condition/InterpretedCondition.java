package org.civitas.rules.condition;

import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A condition run by the CEL interpreter itself: the reference semantics, used where the compiled evaluator does not
 * reach and as the oracle the compiled evaluator is tested against.
 */
final class InterpretedCondition implements Condition {

    private final String expression;
    private final CelRuntime.Program program;

    InterpretedCondition(String expression, CelRuntime.Program program) {
        this.expression = expression;
        this.program = program;
    }

    @Override
    public Outcome evaluate(ConditionInput input) {
        try {
            Object result = program.eval(activation(input));
            if (Boolean.TRUE.equals(result)) {
                return Outcome.MATCH;
            }
            return Boolean.FALSE.equals(result) ? Outcome.NO_MATCH : Outcome.ERROR;
        } catch (CelEvaluationException | RuntimeException e) {
            return Outcome.ERROR;
        }
    }

    @Override
    public String expression() {
        return expression;
    }

    @Override
    public String toString() {
        return "interpreted(" + expression + ")";
    }

    private static Map<String, Object> activation(ConditionInput input) {
        Map<String, Object> activation = new HashMap<>();
        for (Variable variable : Variable.values()) {
            activation.put(variable.celName, forInterpreter(variable.read(input)));
        }
        return activation;
    }

    /** JSON null becomes CEL's null_value, all the way down. */
    private static Object forInterpreter(Object value) {
        if (value == null) {
            return Values.NULL;
        }
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> converted = new LinkedHashMap<>();
            map.forEach((key, item) -> converted.put(key, forInterpreter(item)));
            return converted;
        }
        if (value instanceof List<?> list) {
            List<Object> converted = new ArrayList<>(list.size());
            list.forEach(item -> converted.add(forInterpreter(item)));
            return converted;
        }
        return value;
    }
}
