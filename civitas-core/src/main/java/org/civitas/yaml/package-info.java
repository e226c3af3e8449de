/**
 * Reading YAML files written by people, and the values they write in them such as durations, with every problem
 * pointed at by line and column.
 */
package org.civitas.yaml;
