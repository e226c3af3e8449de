/** The access log: every look at a person's data by anyone but the person, shown to that person. */
package org.civitas.access;
