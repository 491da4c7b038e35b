package io.skylift.cli;

/**
 * How a command prints what it found, chosen with {@code -f}. The constants are lower case because
 * picocli matches and lists them as spelled here.
 */
enum OutputFormat {
    /** Boxed columns for people. */
    table,
    /** Pretty-printed JSON for scripts. */
    json,
    /** YAML, as resource files are written. */
    yaml,
    /** Values only, tab-separated, no header, one row a line: for shell loops. */
    value
}
