/**
 * The {@code skylift} command line: parses arguments, prints results to stdout and diagnostics to
 * stderr, and turns every outcome into one of the exit codes in {@link io.skylift.cli.ExitStatus}.
 */
package io.skylift.cli;
