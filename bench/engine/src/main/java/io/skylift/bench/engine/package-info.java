/**
 * The engine benchmark: a graph of trivial tasks run through the durable engine and, as the
 * reference, through a plain executor in the same process; prints the ratio of the two.
 */
package io.skylift.bench.engine;
