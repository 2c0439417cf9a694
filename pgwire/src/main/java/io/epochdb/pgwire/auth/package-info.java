/** Authentication of a connection: trust from loopback for roles without a password, SCRAM-SHA-256 otherwise. */
package io.epochdb.pgwire.auth;
