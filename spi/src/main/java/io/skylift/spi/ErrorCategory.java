package io.skylift.spi;

/** Whose move it is when something fails. */
public enum ErrorCategory {
    /** The operator's input or rights are wrong: fix the input, retrying alone cannot help. */
    USER,
    /** A cloud or another outside system failed or refused. */
    EXTERNAL,
    /** A bug in Skylift. */
    INTERNAL
}
