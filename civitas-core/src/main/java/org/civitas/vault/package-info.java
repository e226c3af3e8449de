/**
 * The vault, each person's copy of every event recorded about them, as the projection writes it: its events, the
 * entries set aside, and the port a store implements.
 */
package org.civitas.vault;
