/** A single-node Apache Kafka broker in KRaft mode, run in this process: for trying Civitas on Kafka, and for tests. */
package org.civitas.kafka.broker;
