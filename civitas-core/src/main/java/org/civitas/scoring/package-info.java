/**
 * Scoring: everyone starts at 1000; every rule an event matches grants points (limited by the rule's cap, or none for
 * a warning), whose worth halves every half-life. Every contribution keeps its explanation. The same events and rule
 * books give the same scores, to the point, on every runtime.
 */
package org.civitas.scoring;
