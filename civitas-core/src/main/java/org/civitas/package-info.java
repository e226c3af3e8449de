/**
 * Civitas: a transparent, support-based social credit system. The core library holds events, the ledger, rule books,
 * the constitution and scoring; it knows nothing of the web, SQL or Kafka.
 */
package org.civitas;
