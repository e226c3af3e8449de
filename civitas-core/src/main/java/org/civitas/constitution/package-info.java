/**
 * The constitution: machine-checked limits on every rule book. No rule may concern protected matters or read
 * protected attributes, speech never costs points, points stay within bounds and every penalty fades.
 */
package org.civitas.constitution;
