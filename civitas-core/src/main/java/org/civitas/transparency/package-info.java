/**
 * The transparency log: a Merkle tree over the ledger's entries (RFC 9162 hashing), signed checkpoints in the C2SP
 * {@code tlog-checkpoint} signed-note format, and the inclusion and consistency proofs anyone checks against them with
 * standard verifiers, trusting no operator.
 */
package org.civitas.transparency;
