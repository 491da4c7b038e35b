/**
 * Skylift's core, below every user interface: {@link io.skylift.engine.Engine} opens a Skylift
 * home (database, secret key) and hands out the services the CLI and the REST API call.
 */
package io.skylift.engine;
