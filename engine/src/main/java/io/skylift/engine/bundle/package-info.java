/**
 * Export and import of bundles on the durable engine: what a resource file selects, closed over
 * its dependencies; the tasks that copy disk data out of a cloud and recreate resources in another.
 */
package io.skylift.engine.bundle;
