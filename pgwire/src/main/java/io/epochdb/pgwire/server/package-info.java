/**
 * The Netty server: bootstrap ({@link io.epochdb.pgwire.server.PgServer}), the frame decoder, the per-connection
 * protocol state machine and the ordered worker executor that keeps query work off the event loop.
 */
package io.epochdb.pgwire.server;
