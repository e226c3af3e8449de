/** Grants: what a person shares with a named party, for what purpose, until when. */
package org.civitas.sharing;
