/** The transparency log of the Kafka runtime: one Merkle tree over each partition of the ledger topic. */
package org.civitas.kafka.transparency;
