package org.civitas.support;

/**
 * How many people live in a district and how many of them have an offer of help open or accepted.
 */
public record DistrictDemand(String district, int residents, int seekingHelp) {
}
