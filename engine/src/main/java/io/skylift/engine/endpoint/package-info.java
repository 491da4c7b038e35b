/**
 * Endpoints: named, stored connections to cloud accounts. Connection info is checked against the
 * provider's schema, sealed before it reaches the database, and never handed out unredacted
 * except to the provider that connects with it.
 */
package io.skylift.engine.endpoint;
