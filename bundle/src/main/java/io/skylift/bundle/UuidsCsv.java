package io.skylift.bundle;

import static java.util.Objects.requireNonNull;

import io.skylift.model.AtomicWrite;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code uuids.csv}, which maps each source id to the id at the destination, in Downpour's format:
 * <pre>
 * "Resource Type","Resource Name","Old","New"
 * "network","skylift-net-a","5f0c...","9a1e..."
 * </pre>
 */
public final class UuidsCsv {

    public static final String HEADER = "\"Resource Type\",\"Resource Name\",\"Old\",\"New\"";

    /** One line: the type's id, the name at the destination, the source id and the new id. */
    public record Row(String type, String name, String oldId, String newId) {

        public Row {
            requireNonNull(type, "type is null");
            requireNonNull(name, "name is null");
            requireNonNull(oldId, "oldId is null");
            requireNonNull(newId, "newId is null");
        }

        String line() {
            return String.join(",", quote(type), quote(name), quote(oldId), quote(newId));
        }
    }

    private UuidsCsv() {}

    /** Writes the rows with the header, through a temporary file and an atomic rename. */
    public static void write(Path file, List<Row> rows) {
        StringBuilder text = new StringBuilder(HEADER).append('\n');
        rows.forEach(row -> text.append(row.line()).append('\n'));
        AtomicWrite.writeString(file, text.toString());
    }

    /** CSV quoting: the value in double quotes, a double quote inside doubled. */
    private static String quote(String value) {
        return '"' + value.replace("\"", "\"\"") + '"';
    }
}
