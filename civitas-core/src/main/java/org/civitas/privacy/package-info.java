/**
 * Personal-only data stays the person's: its attributes are sealed with a key per person and category before they
 * reach the ledger, and erasing the key erases the data everywhere, while the ledger still verifies.
 */
package org.civitas.privacy;
