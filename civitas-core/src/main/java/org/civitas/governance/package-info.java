/**
 * Society writes the rules: proposals to change a jurisdiction's rule book, and the states they pass through on
 * their way from a draft to an adopted version.
 */
package org.civitas.governance;
