/** The JSON shapes of the REST API: what a client sends and receives, as records. */
package org.civitas.server.api;
