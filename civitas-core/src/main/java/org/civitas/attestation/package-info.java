/**
 * Praise only the praised confirm: a resident attests a good deed by another, of a kind their books list; it becomes
 * an event only when the person it praises confirms it, and until then exists for those two alone. There is no
 * negative peer report of any kind.
 */
package org.civitas.attestation;
