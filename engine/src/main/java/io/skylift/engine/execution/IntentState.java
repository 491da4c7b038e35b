package io.skylift.engine.execution;

/** What the journal knew about a side effect when a handler asked for its intent. */
public enum IntentState {
    /** Recorded just now: no attempt has tried this side effect, make it. */
    NEW,
    /** An earlier attempt recorded it and may or may not have made it: find it by its marker before making it. */
    RECORDED,
    /** Made and journaled; {@link Intent#result()} holds what it produced. */
    DONE
}
