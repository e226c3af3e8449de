/**
 * Where people live, as registries record it: which jurisdiction's residents may propose, support and vote there,
 * and the districts public statistics count by. Never a way to find anyone.
 */
package org.civitas.residence;
