/**
 * The Civitas server: a data source posts signed batches of events, a citizen sees their own data and score in the
 * browser, and both speak the REST API under {@code /api/v1}. The ledger stays the source of truth; the vault and the
 * live scores are projections of it.
 */
package org.civitas.server;
