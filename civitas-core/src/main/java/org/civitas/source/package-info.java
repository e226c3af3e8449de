/**
 * The data sources allowed to send events: which event types each may send and the category each type belongs to,
 * and the sources file that records them in a data directory.
 */
package org.civitas.source;
