package io.skylift.cli;

import io.skylift.engine.execution.Event;
import io.skylift.engine.execution.Execution;
import io.skylift.engine.execution.ExecutionSummary;
import io.skylift.engine.execution.Progress;
import io.skylift.engine.execution.Task;
import io.skylift.engine.execution.TaskStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SequencedMap;
import java.util.stream.Collectors;

/** Executions, tasks and events as the plain rows the output formatter prints. */
final class ExecutionRows {

    static final List<String> LIST_COLUMNS = List.of("id", "name", "status", "completed", "tasks", "created_at");
    static final List<String> TASK_COLUMNS = List.of("task", "type", "status", "attempts", "progress", "error");
    static final List<String> HISTORY_COLUMNS = List.of("task", "type", "status", "attempts", "started_at", "finished_at", "duration", "error");
    static final List<String> CURRENT_COLUMNS = List.of("task", "type", "status", "attempts", "progress", "bytes", "message", "started_at");

    private ExecutionRows() {
    }

    static Map<String, Object> row(ExecutionSummary summary) {
        Map<String, Object> row = new LinkedHashMap<>();
        Execution execution = summary.execution();
        row.put("id", execution.id().toString());
        row.put("name", execution.name());
        row.put("status", execution.status().name());
        row.put("completed", summary.tasks(TaskStatus.COMPLETED));
        row.put("tasks", summary.tasks());
        row.put("created_at", execution.createdAt().toString());
        return row;
    }

    static SequencedMap<String, Object> fields(Execution execution, List<Task> tasks) {
        SequencedMap<String, Object> fields = new LinkedHashMap<>();
        fields.put("id", execution.id().toString());
        fields.put("name", execution.name());
        fields.put("status", execution.status().name());
        fields.put("on_failure", execution.onFailure().name());
        fields.put("max_parallel", execution.maxParallel());
        fields.put("error", execution.error().orElse(null));
        fields.put("tasks", counts(tasks));
        fields.put("created_at", execution.createdAt().toString());
        fields.put("updated_at", execution.updatedAt().toString());
        return fields;
    }

    /** Tasks by status, in the order of the status enum: {@code COMPLETED=3, PENDING=2}. */
    private static Map<String, Object> counts(List<Task> tasks) {
        Map<TaskStatus, Long> counts = tasks.stream().collect(Collectors.groupingBy(Task::status, () -> new EnumMap<>(TaskStatus.class),
                Collectors.counting()));
        Map<String, Object> named = new LinkedHashMap<>();
        counts.forEach((status, count) -> named.put(status.name(), count));
        return named;
    }

    /** The columns every task row starts with. */
    private static Map<String, Object> identity(Task task) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("task", task.id());
        row.put("type", task.type());
        row.put("status", task.status().name());
        row.put("attempts", task.attempts());
        return row;
    }

    static Map<String, Object> taskRow(Task task) {
        Map<String, Object> row = identity(task);
        row.put("progress", progress(task.progress()));
        row.put("error", task.error().map(error -> error.code() + ": " + error.message()).orElse(null));
        return row;
    }

    static Map<String, Object> historyRow(Task task) {
        Map<String, Object> row = identity(task);
        row.put("started_at", task.startedAt().map(Instant::toString).orElse(null));
        row.put("finished_at", task.finishedAt().map(Instant::toString).orElse(null));
        row.put("duration", task.startedAt().flatMap(start -> task.finishedAt().map(end -> duration(Duration.between(start, end)))).orElse(null));
        row.put("error", task.error().map(error -> error.code() + ": " + error.message()).orElse(null));
        return row;
    }

    static Map<String, Object> currentRow(Task task) {
        Map<String, Object> row = identity(task);
        row.put("progress", progress(task.progress()));
        row.put("bytes", task.progress().bytes());
        row.put("message", task.progress().message());
        row.put("started_at", task.startedAt().map(Instant::toString).orElse(null));
        return row;
    }

    static Map<String, Object> eventRow(Event event) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("seq", event.sequence());
        row.put("at", event.at().toString());
        row.put("task", event.taskId().orElse(null));
        row.put("kind", event.kind().name());
        row.put("status", event.status());
        row.put("message", event.message());
        return row;
    }

    /** An event as one line: {@code 2026-11-22T10:00:00Z  copy-image  RUNNING  attempt 1 on worker w1}. */
    static String eventLine(Event event) {
        String subject = event.taskId().orElse("execution");
        String status = event.kind() == Event.Kind.PROGRESS ? "progress" : event.status();
        return event.at() + "  " + subject + "  " + status + (event.message().isEmpty() ? "" : "  " + event.message().replace('\n', ' '));
    }

    /** {@code 3/10} when a total is known, the current count alone otherwise, empty before any. */
    static String progress(Progress progress) {
        if (progress.total() > 0) {
            return progress.current() + "/" + progress.total();
        }
        return progress.current() > 0 ? String.valueOf(progress.current()) : "";
    }

    /** {@code 1.250s}, {@code 2m03s}, {@code 1h02m}. */
    static String duration(Duration duration) {
        long seconds = duration.toSeconds();
        if (seconds < 60) {
            return String.format(java.util.Locale.ROOT, "%d.%03ds", seconds, duration.toMillisPart());
        }
        if (seconds < 3600) {
            return String.format(java.util.Locale.ROOT, "%dm%02ds", seconds / 60, seconds % 60);
        }
        return String.format(java.util.Locale.ROOT, "%dh%02dm", seconds / 3600, seconds % 3600 / 60);
    }

    /**
     * A record with its rows: as JSON or YAML one document with the rows under {@code key}; as a
     * table the record, then the rows' table. {@code -c} picks fields of the record (for scripts:
     * {@code -f value -c status}); the rows come with the whole record only.
     */
    static void showWithRows(Session session, SequencedMap<String, Object> fields, String key, List<String> columns,
            List<Map<String, Object>> rows, OutputOptions output) {
        boolean document = output.format == OutputFormat.json || output.format == OutputFormat.yaml;
        if (document && output.columns.isEmpty()) {
            fields.put(key, rows);
        }
        session.output().show(fields, output);
        if (!document && output.columns.isEmpty()) {
            session.output().list(columns, rows, output);
        }
    }
}
