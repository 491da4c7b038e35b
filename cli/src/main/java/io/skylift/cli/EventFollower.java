package io.skylift.cli;

import io.skylift.engine.execution.Event;
import io.skylift.engine.execution.Journal;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Prints an execution's stored events, then new ones as they are journaled, until it ends. Event
 * numbers come from one identity shared by concurrent transactions, so an event may commit after
 * one with a higher number: each poll re-reads from where the follower stood a few polls ago and
 * skips what it already printed.
 */
final class EventFollower {

    private static final int PAGE = 500;
    /** Polls to look back: at the default interval about two seconds, far longer than a journal transaction. */
    private static final int LOOK_BACK_POLLS = 4;

    private final Journal journal;
    private final Duration interval;
    private final StopSignal stop;

    EventFollower(Journal journal, Duration interval, StopSignal stop) {
        this.journal = journal;
        this.interval = interval;
        this.stop = stop;
    }

    /** Hands every event to {@code print} once, in the order read; returns when the execution has ended and all its events were read. */
    void follow(UUID id, Consumer<Event> print) throws InterruptedException {
        TreeSet<Long> printed = new TreeSet<>();
        Deque<Long> cursors = new ArrayDeque<>();
        long cursor = 0;
        while (true) {
            // Read the status first: once it has ended, every event it wrote is committed and the read below sees it.
            boolean ended = journal.get(id).status().isFinal();
            long from = cursors.isEmpty() ? 0 : cursors.peekFirst();
            while (true) {
                List<Event> page = journal.events(id, from, PAGE);
                for (Event event : page) {
                    if (printed.add(event.sequence())) {
                        print.accept(event);
                    }
                    cursor = Math.max(cursor, event.sequence());
                }
                if (page.size() < PAGE) {
                    break;
                }
                from = page.getLast().sequence();
            }
            cursors.addLast(cursor);
            if (cursors.size() > LOOK_BACK_POLLS) {
                cursors.removeFirst();
            }
            printed.headSet(cursors.peekFirst(), true).clear();
            if (ended || stop.awaitAsked(interval)) {
                return;
            }
        }
    }
}
