/**
 * Rule books: per jurisdiction, the rules that turn events into points, written in YAML by people and checked
 * against the constitution when they load.
 */
package org.civitas.rules;
