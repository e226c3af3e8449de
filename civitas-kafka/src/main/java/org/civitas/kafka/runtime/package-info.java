/**
 * The Kafka runtime on a cluster: its configuration, its topics, the topology run exactly once, core's intake sending
 * to the intake topic, and the ledger topic read and checked partition by partition.
 */
package org.civitas.kafka.runtime;
