/**
 * Moving resources on the durable engine: export to a bundle, import from one, and migration
 * from cloud to cloud. All three select what a resource file names, closed over its dependencies;
 * their tasks copy disk data out of a cloud and recreate resources in another.
 */
package io.skylift.engine.transfer;
