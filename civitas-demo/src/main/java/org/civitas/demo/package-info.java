/**
 * The demo city: a deterministic synthetic population with realistic histories, and the rule books that govern it.
 */
package org.civitas.demo;
