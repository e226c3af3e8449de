/** Accounts and the roles they act in: citizens, case workers, reviewers, council members, auditors, admins. */
package org.civitas.account;
