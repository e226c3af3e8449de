/**
 * The official record: every act of an official (a reviewer's look and decision, a case worker's look, an
 * administrator's registering, rotating or revoking a source), in public, in a hash chain of its own. The person an act
 * concerns appears only as a pseudonym of that act.
 */
package org.civitas.officials;
