package io.skylift.cli;

import io.skylift.engine.execution.Execution;
import io.skylift.engine.execution.Task;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** What a migration did, from its journaled import tasks: per resource, and in one line. */
final class MigrationReport {

    static final List<String> COLUMNS = List.of("type", "name", "result", "id", "old_id", "bytes");
    private static final String IMPORT = "import-resource";

    private MigrationReport() {}

    static List<Map<String, Object>> rows(List<Task> tasks) {
        return imports(tasks).stream().map(task -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("type", task.resource().map(ref -> ref.type().id()).orElse(""));
            row.put("name", task.outputs().getOrDefault("name", task.resource().map(ref -> ref.name()).orElse("")));
            row.put("result", task.outputs().getOrDefault("result", task.status().name().toLowerCase(Locale.ROOT)));
            row.put("id", task.outputs().getOrDefault("id", ""));
            row.put("old_id", task.outputs().getOrDefault("old_id", ""));
            row.put("bytes", task.outputs().getOrDefault("bytes", ""));
            return row;
        }).toList();
    }

    /** {@code 12 created, 3 found, 2 mapped; 1.1 GiB copied in 4 disks; 3 min 12 s}. */
    static String summary(Execution execution, List<Task> tasks) {
        Map<String, Integer> results = new TreeMap<>();
        long bytes = 0;
        int disks = 0;
        for (Task task : imports(tasks)) {
            results.merge(String.valueOf(task.outputs().getOrDefault("result", task.status().name().toLowerCase(Locale.ROOT))), 1, Integer::sum);
            if (task.outputs().get("bytes") instanceof Number copied) {
                bytes += copied.longValue();
                disks++;
            }
        }
        StringBuilder line = new StringBuilder();
        results.forEach((result, count) -> line.append(line.isEmpty() ? "" : ", ").append(count).append(' ').append(result));
        line.append("; ").append(ProgressBoard.size(bytes)).append(" copied in ").append(disks).append(disks == 1 ? " disk" : " disks");
        line.append("; ").append(ProgressBoard.duration(Duration.between(execution.createdAt(), execution.updatedAt())));
        return line.toString();
    }

    private static List<Task> imports(List<Task> tasks) {
        return tasks.stream().filter(task -> task.type().equals(IMPORT)).toList();
    }
}
