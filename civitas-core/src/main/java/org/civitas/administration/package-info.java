/** Administration in the open: accounts of officials opened and disabled, each an act of the official record. */
package org.civitas.administration;
