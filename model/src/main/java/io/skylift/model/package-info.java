/**
 * The portable model of what Skylift moves: typed resources, the references between them, and
 * the dependency graph that decides what a selection pulls in and the order it is created in.
 */
package io.skylift.model;
