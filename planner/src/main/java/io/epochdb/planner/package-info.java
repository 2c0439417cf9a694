/**
 * The engine facade ({@link io.epochdb.planner.Engine}, {@link io.epochdb.planner.Session}) that pgwire talks to:
 * SQL parsing with Calcite, utility statements, planning and translation of plans into exec operators.
 */
package io.epochdb.planner;
