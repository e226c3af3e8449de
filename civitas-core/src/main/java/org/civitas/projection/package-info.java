/**
 * The projection of the ledger: every committed entry into its person's vault and onto the score board, an entry
 * that cannot be taken in set aside with why, and set-aside entries projected again by {@code civitas repair}.
 */
package org.civitas.projection;
