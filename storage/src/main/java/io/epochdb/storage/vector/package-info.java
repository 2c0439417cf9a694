/** The SQL type to Arrow vector mapping ({@link io.epochdb.storage.vector.ArrowTypes}) shared by every layer. */
package io.epochdb.storage.vector;
