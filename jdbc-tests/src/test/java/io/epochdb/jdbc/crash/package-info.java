/**
 * Crash-recovery tests: EpochDB runs as a separate JVM ({@link io.epochdb.jdbc.crash.ServerProcess}) so it can be
 * killed with SIGKILL mid-ingest and restarted on the same data directory. Writers record every batch they start
 * and every acknowledgment they receive in a {@link io.epochdb.jdbc.crash.BatchLedger}; after each restart
 * {@link io.epochdb.jdbc.crash.RecoveryCheck} compares the recovered table with the ledger: acknowledged batches
 * complete, others complete or absent, never partial.
 *
 * <p>System properties: {@code epochdb.crash.rounds} (kill/restart rounds of the random test),
 * {@code epochdb.crash.seed} (random seed; printed on every run), {@code epochdb.crash.serverHeap} (the server
 * JVM's -Xmx, default 1g), {@code epochdb.crash.checkpointWalBytes} (passed to the server as
 * {@code -Depochdb.checkpointWalBytes}, default 4 MiB, so checkpoints happen during the test),
 * {@code epochdb.crash.serverJvmArgs} (more server JVM options, space-separated). Server output goes to {@code target/crash-recovery/*.log}; its tail is printed when a
 * test fails, and the data directory is kept then for a post-mortem.
 */
package io.epochdb.jdbc.crash;
