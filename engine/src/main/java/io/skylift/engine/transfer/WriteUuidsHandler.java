package io.skylift.engine.transfer;

import io.skylift.bundle.UuidsCsv;
import io.skylift.engine.execution.TaskContext;
import io.skylift.engine.execution.TaskHandler;
import io.skylift.model.ResourceRef;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Writes {@code uuids.csv} of an import: one row per resource, in creation order, once all of them exist. */
final class WriteUuidsHandler implements TaskHandler {

    static final String TYPE = "write-uuids";
    static final String FILE = "file";
    static final String ORDER = "order";

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Map<String, Object> run(TaskContext context) {
        @SuppressWarnings("unchecked")
        List<String> order = (List<String>) context.inputs().get(ORDER);
        List<UuidsCsv.Row> rows = new ArrayList<>();
        for (String taskId : order) {
            Map<String, Object> output = context.dependencyOutputs().get(taskId);
            ResourceRef ref = ResourceRef.parse((String) output.get(ImportResourceHandler.REF));
            rows.add(new UuidsCsv.Row(ref.type().id(), (String) output.get(ImportResourceHandler.NAME),
                    (String) output.get(ImportResourceHandler.OLD_ID), (String) output.get(ImportResourceHandler.ID)));
        }
        Path file = Path.of((String) context.inputs().get(FILE));
        UuidsCsv.write(file, rows);
        return Map.of("rows", rows.size(), FILE, file.toString());
    }
}
