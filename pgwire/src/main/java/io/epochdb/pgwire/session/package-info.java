/** Per-connection protocol state: named and unnamed prepared statements and portals that suspend and resume. */
package io.epochdb.pgwire.session;
