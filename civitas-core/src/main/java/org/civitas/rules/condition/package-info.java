/**
 * Rule conditions: CEL expressions over an event and its context, type-checked when a rule book loads and compiled
 * to Java closures so that evaluating one costs tens of nanoseconds; the CEL interpreter is the reference they are
 * tested against.
 */
package org.civitas.rules.condition;
