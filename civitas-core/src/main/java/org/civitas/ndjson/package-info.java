/**
 * Reading NDJSON strictly, one event per line: {@link org.civitas.ndjson.EventParser} reads a line or says exactly
 * why it cannot (bytes checked as UTF-8, names, instants in their window), and {@link org.civitas.ndjson.NdjsonReader}
 * reads whole inputs in parallel, in order, the first 1,000 refused lines listed and all counted. A plain line is read
 * in place and handed on as {@link org.civitas.event.EventFields}, without an object.
 */
package org.civitas.ndjson;
