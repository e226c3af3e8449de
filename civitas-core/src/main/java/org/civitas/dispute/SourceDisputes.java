package org.civitas.dispute;

/** How many of one source's events were disputed, and how many of those were removed. */
public record SourceDisputes(String source, long disputed, long removed) {
}
