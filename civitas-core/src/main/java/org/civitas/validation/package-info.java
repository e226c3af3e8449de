/**
 * Validation that reports every problem at once, each with its file, line and column, rather than stopping at the
 * first exception.
 */
package org.civitas.validation;
