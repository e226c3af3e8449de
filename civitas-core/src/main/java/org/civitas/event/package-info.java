/**
 * Events: what sources record about people, with their attributes, keys and categories, and the field view
 * ({@link org.civitas.event.EventFields}) through which the ledger and the seal take an event read in place. Reading
 * NDJSON into events is the {@code ndjson} package's job.
 */
package org.civitas.event;
