package io.skylift.bench.engine;

import java.time.Duration;

/**
 * One timed run: wall and process CPU time, the heap it reached and the largest heap left after a
 * collection (0 when none ran), the part of the wall spent
 * journaling the new execution (zero for the executor), and the checksum of every task's output,
 * which proves both sides did the same work completely.
 */
record Measurement(Duration wall, Duration cpu, long peakHeapBytes, long afterGcHeapBytes, Duration create, String checksum) {
}
