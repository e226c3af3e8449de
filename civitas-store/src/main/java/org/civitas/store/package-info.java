/**
 * The relational store: accounts, sessions, sources, the vault projection and the access log, in H2 or PostgreSQL.
 * The ledger remains the source of truth; everything here that derives from it can be rebuilt from it.
 */
package org.civitas.store;
