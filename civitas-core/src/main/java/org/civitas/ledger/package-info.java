/**
 * The ledger: the append-only, tamper-evident record every score is computed from. Entries are framed with a length
 * and a checksum and chained by SHA-256; appends are durable before they are acknowledged. An entry that is intact in
 * the chain but cannot be read as an event (an older version let ill-formed text in, say) is no damage: readers hand
 * it out as an {@link org.civitas.ledger.UnreadableEntry}, with its place and the reason, and read on.
 */
package org.civitas.ledger;
