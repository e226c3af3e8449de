/**
 * Disputes: a person contests one of their own points; while the dispute is open the point counts nothing; the
 * source may answer; two reviewers decide independently, the person's side winning when they disagree, and a dispute
 * nobody decides in time resolves in the person's favour. Every step that changes a score is an entry in the ledger.
 */
package org.civitas.dispute;
