/**
 * Support, not punishment: offers of help to people whose score fell, which they accept or decline, and the cases
 * case workers see once accepted.
 */
package org.civitas.support;
