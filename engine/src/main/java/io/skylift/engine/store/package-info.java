/**
 * Durable state: the database (embedded H2 by default, migrated with Flyway) and the secret key
 * that seals connection info before it is written.
 */
package io.skylift.engine.store;
