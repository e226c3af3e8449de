/**
 * Ingest: a source's NDJSON on its way into the ledger. Lines that are plain events go from their bytes to the
 * ledger's without becoming objects, the attributes of personal-only ones sealed on the way.
 */
package org.civitas.ingest;
