package org.civitas.rules.condition;

/** One step of a compiled condition: computes a value (or {@link Values#ERROR}) for the current event. */
@FunctionalInterface
interface Node {

    Object eval(ConditionInput input);
}
