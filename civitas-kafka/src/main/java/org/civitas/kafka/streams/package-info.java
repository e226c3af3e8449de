/**
 * The Kafka runtime's topology: each event of the intake taken once, chained into its person's partition of the
 * ledger by that partition's one task, and kept for scoring with core's engine.
 */
package org.civitas.kafka.streams;
