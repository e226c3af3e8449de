/**
 * Events: what sources record about people, one JSON object per NDJSON line. {@link org.civitas.event.EventParser}
 * reads a line or says exactly why it cannot; {@link org.civitas.event.NdjsonReader} reads whole inputs in parallel,
 * in order.
 */
package org.civitas.event;
