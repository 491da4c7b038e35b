package io.skylift.cli;

import static java.util.Objects.requireNonNull;

import io.skylift.engine.execution.Task;
import io.skylift.engine.execution.TaskStatus;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Shows how far the byte-moving tasks of a foreground run are: on a terminal, one bar per task
 * that moves data and one for all, with bytes, rate and ETA, redrawn in place; elsewhere (a log,
 * a pipe) a plain line per moving task every ten seconds.
 */
final class ProgressBoard {

    private static final Duration PLAIN_EVERY = Duration.ofSeconds(10);
    private static final int BAR = 24;
    private static final int NAME = 40;

    /** In plain lines: the bytes each transfer had when its last line was printed. */
    private final Map<String, Long> printed = new HashMap<>();
    private final PrintWriter out;
    private final boolean terminal;
    private final Instant started;
    /** When each task was first seen moving, and how many bytes it had then: its rate's start. */
    private final Map<String, Sample> firstSeen = new HashMap<>();
    private int linesDrawn;
    private Instant nextPlain;

    private record Sample(Instant at, long bytes) {}

    private ProgressBoard(PrintWriter out, boolean terminal, Instant started) {
        this.out = requireNonNull(out, "out is null");
        this.terminal = terminal;
        this.started = requireNonNull(started, "started is null");
        this.nextPlain = started.plus(PLAIN_EVERY);
    }

    /** Bars when {@code terminal}, else plain lines. */
    static ProgressBoard on(PrintWriter out, boolean terminal, Instant now) {
        return new ProgressBoard(out, terminal, now);
    }

    /** Whether this process writes to a terminal that can redraw: a console, and not TERM=dumb. */
    static boolean isTerminal(Map<String, String> environment) {
        return System.console() != null && System.console().isTerminal() && !"dumb".equals(environment.get("TERM"));
    }

    /** Whether it redraws bars in place (a terminal) rather than printing lines. */
    boolean isRedrawn() {
        return terminal;
    }

    /** Shows the tasks as they stand at {@code now}. */
    synchronized void update(List<Task> tasks, Instant now) {
        List<Task> moving = moving(tasks);
        for (Task task : tasks) {
            if (task.status() == TaskStatus.RUNNING) {
                firstSeen.putIfAbsent(task.id(), new Sample(now, task.progress().bytes()));
            }
        }
        if (terminal) {
            redraw(lines(tasks, now));
        }
        else if (!now.isBefore(nextPlain)) {
            // A transfer that has not moved since its last line (its data is in, the cloud still builds the resource) is not printed again.
            moving.stream().filter(task -> task.status() == TaskStatus.RUNNING)
                    .filter(task -> !Long.valueOf(task.progress().bytes()).equals(printed.put(task.id(), task.progress().bytes())))
                    .forEach(task -> out.println("skylift: " + line(task, now).strip()));
            out.flush();
            nextPlain = now.plus(PLAIN_EVERY);
        }
    }

    /** The bars as they would be drawn: one per task that moves data, then one for all tasks. */
    List<String> lines(List<Task> tasks, Instant now) {
        List<String> lines = new ArrayList<>();
        long done = 0;
        long total = 0;
        long moved = 0;
        for (Task task : moving(tasks)) {
            lines.add(line(task, now));
            done += task.progress().bytes();
            total += Math.max(task.progress().total(), task.progress().bytes());
            moved += task.progress().bytes() - firstSeen.getOrDefault(task.id(), new Sample(now, 0)).bytes();
        }
        long finished = tasks.stream().filter(task -> task.status() == TaskStatus.COMPLETED).count();
        String label = "all: " + finished + " of " + tasks.size() + " tasks done";
        lines.add(total > 0 ? format(label, done, total, rate(moved, Duration.between(started, now))) : "  " + label);
        return lines;
    }

    private static List<Task> moving(List<Task> tasks) {
        return tasks.stream().filter(task -> task.progress().bytes() > 0).toList();
    }

    private String line(Task task, Instant now) {
        Sample first = firstSeen.getOrDefault(task.id(), new Sample(now, 0));
        double rate = task.status() == TaskStatus.RUNNING ? rate(task.progress().bytes() - first.bytes(), Duration.between(first.at(), now)) : 0;
        String name = task.resource().map(Object::toString).orElse(task.id());
        return format(name, task.progress().bytes(), task.progress().total(), rate);
    }

    private static String format(String name, long bytes, long total, double rate) {
        String shown = name.length() > NAME ? "..." + name.substring(name.length() - NAME + 3) : name;
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "  %-" + NAME + "s ", shown));
        if (total > 0) {
            int filled = (int) Math.min(BAR, BAR * bytes / total);
            line.append('[').append("#".repeat(filled)).append(".".repeat(BAR - filled)).append(']')
                    .append(String.format(Locale.ROOT, " %3d%%  %s/%s", Math.min(100, 100 * bytes / total), size(bytes), size(total)));
        }
        else {
            line.append(size(bytes));
        }
        if (rate > 0) {
            line.append("  ").append(size((long) rate)).append("/s");
            if (total > bytes) {
                line.append("  ETA ").append(duration(Duration.ofSeconds((long) Math.ceil((total - bytes) / rate))));
            }
        }
        return line.toString();
    }

    private static double rate(long bytes, Duration over) {
        double seconds = over.toMillis() / 1000.0;
        return seconds < 0.5 || bytes <= 0 ? 0 : bytes / seconds;
    }

    /** 1023 B, 4.2 MiB, 1.0 GiB. */
    static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        String[] units = {"KiB", "MiB", "GiB", "TiB"};
        double value = bytes;
        int unit = -1;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
    }

    /** 0:07, 12:30, 1:02:03. */
    static String duration(Duration duration) {
        long seconds = duration.toSeconds();
        return seconds >= 3600
                ? String.format(Locale.ROOT, "%d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60)
                : String.format(Locale.ROOT, "%d:%02d", seconds / 60, seconds % 60);
    }

    private void redraw(List<String> lines) {
        StringBuilder text = new StringBuilder();
        if (linesDrawn > 0) {
            // Back to the first line drawn, then each line overwritten and cleared to its end.
            text.append("\033[").append(linesDrawn).append('F');
        }
        lines.forEach(line -> text.append(line).append("\033[K\n"));
        out.print(text);
        out.flush();
        linesDrawn = lines.size();
    }
}
