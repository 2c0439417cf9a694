/**
 * End-to-end tests: a real {@link io.epochdb.planner.Engine} behind a real {@link io.epochdb.pgwire.server.PgServer}
 * on a free port, driven by pgjdbc (and a raw socket where the protocol itself is under test).
 * {@link io.epochdb.jdbc.EpochServer} starts and stops one server per test class.
 */
package io.epochdb.jdbc;
