/** Reading YAML files written by people, with every problem pointed at by line and column. */
package org.civitas.yaml;
