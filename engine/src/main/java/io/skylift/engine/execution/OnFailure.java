package io.skylift.engine.execution;

/** What an execution does with what it created when it fails or is cancelled. */
public enum OnFailure {
    /** Run every task's cleanup, in reverse dependency order. */
    CLEAN_UP,
    /** Leave everything in place for debugging; cleanup can be run later. */
    KEEP
}
