/**
 * Executions: durable graphs of tasks journaled in the database, the handler SPI that runs one task
 * type, and the runner that claims tasks under a lease, retries, cancels, cleans up and resumes.
 */
package io.skylift.engine.execution;
