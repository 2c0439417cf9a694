/**
 * The PostgreSQL v3 wire protocol server and the runnable jar's entry point ({@link io.epochdb.pgwire.Main}).
 * pgwire only knows bytes on a socket; it talks to the engine through {@code io.epochdb.planner.Engine}/{@code Session}.
 */
package io.epochdb.pgwire;
