/**
 * Wire messages: frontend messages decoded from frames (one record per message) and encoders for backend messages
 * ({@link io.epochdb.pgwire.message.BackendMessages}).
 */
package io.epochdb.pgwire.message;
