/** Test support shared by the modules: real servers to test against, set up and torn down for the tests. */
package org.civitas.testkit;
