/**
 * The ledger: the append-only, tamper-evident record every score is computed from. Entries are framed with a length
 * and a checksum and chained by SHA-256; appends are durable before they are acknowledged.
 */
package org.civitas.ledger;
