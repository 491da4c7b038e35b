package io.skylift.cli;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import io.skylift.spi.ErrorCode;
import io.skylift.spi.SkyliftException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SequencedMap;
import java.util.stream.Collectors;

/**
 * Prints every command's results the same way: a listing (rows under columns) or one record
 * (fields), as a table, JSON, YAML or bare values. Commands hand over plain values (strings,
 * numbers, booleans, maps, lists) so each format can render them natively.
 */
final class OutputFormatter {

    private final PrintWriter out;
    private final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private final ObjectMapper jsonLines = new ObjectMapper();
    private final ObjectMapper yaml = new ObjectMapper(YAMLFactory.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .build());

    OutputFormatter(PrintWriter out) {
        this.out = requireNonNull(out, "out is null");
    }

    /** Rows under {@code columns}; each row maps every column to its value (null when unknown). */
    void list(List<String> columns, List<? extends Map<String, ?>> rows, OutputOptions options) {
        List<String> shown = select(columns, options.columns);
        List<SequencedMap<String, Object>> selected = rows.stream().map(row -> pick(row, shown)).toList();
        switch (options.format) {
            case json -> write(json, selected);
            case yaml -> write(yaml, selected);
            case value -> selected.forEach(row -> out.println(row.values().stream().map(OutputFormatter::text).collect(Collectors.joining("\t"))));
            case table -> table(shown, selected.stream().map(row -> row.values().stream().map(OutputFormatter::text).toList()).toList());
        }
        out.flush();
    }

    /** One record: a two-column field/value table, an object, or its values one a line. */
    void show(Map<String, ?> fields, OutputOptions options) {
        SequencedMap<String, Object> selected = pick(fields, select(List.copyOf(fields.keySet()), options.columns));
        switch (options.format) {
            case json -> write(json, selected);
            case yaml -> write(yaml, selected);
            case value -> selected.values().forEach(value -> out.println(text(value)));
            case table -> table(List.of("field", "value"),
                    selected.entrySet().stream().map(entry -> List.of(entry.getKey(), text(entry.getValue()))).toList());
        }
        out.flush();
    }

    /** Where output goes, for commentary printed from other threads (each line whole). */
    PrintWriter writer() {
        return out;
    }

    /** One line of running commentary, such as a worker's task log, flushed at once. */
    void line(String text) {
        out.println(text);
        out.flush();
    }

    /** {@code value} as one line of compact JSON, for a stream of records. */
    void jsonLine(Object value) {
        try {
            line(jsonLines.writeValueAsString(value));
        }
        catch (JsonProcessingException e) {
            throw new SkyliftException(ErrorCode.INTERNAL, "cannot write output: " + e.getOriginalMessage(), e);
        }
    }

    /** A document that is already a tree, such as a JSON schema, in JSON or YAML. */
    void document(JsonNode document, DocumentFormat format) {
        write(format == DocumentFormat.yaml ? yaml : json, document);
        out.flush();
    }

    /** The formats a document can take: it has no rows or columns to make a table of. */
    enum DocumentFormat {
        json,
        yaml
    }

    private void write(ObjectMapper mapper, Object value) {
        try {
            String text = mapper.writeValueAsString(value);
            out.print(text);
            if (!text.endsWith("\n")) {
                out.println();
            }
        }
        catch (JsonProcessingException e) {
            throw new SkyliftException(ErrorCode.INTERNAL, "cannot write output: " + e.getOriginalMessage(), e);
        }
    }

    private void table(List<String> header, List<List<String>> rows) {
        int[] widths = header.stream().mapToInt(String::length).toArray();
        for (List<String> row : rows) {
            for (int i = 0; i < widths.length; i++) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        String rule = rule(widths);
        out.println(rule);
        out.println(line(header, widths));
        out.println(rule);
        rows.forEach(row -> out.println(line(row, widths)));
        if (!rows.isEmpty()) {
            out.println(rule);
        }
    }

    private static String rule(int[] widths) {
        StringBuilder rule = new StringBuilder("+");
        for (int width : widths) {
            rule.append("-".repeat(width + 2)).append('+');
        }
        return rule.toString();
    }

    private static String line(List<String> cells, int[] widths) {
        StringBuilder line = new StringBuilder("|");
        for (int i = 0; i < widths.length; i++) {
            line.append(' ').append(cells.get(i)).append(" ".repeat(widths[i] - cells.get(i).length())).append(" |");
        }
        return line.toString();
    }

    /** The columns asked for with {@code -c}, matched ignoring case, or all of them. */
    private static List<String> select(List<String> columns, List<String> wanted) {
        if (wanted.isEmpty()) {
            return columns;
        }
        List<String> selected = new ArrayList<>();
        for (String name : wanted) {
            String column = columns.stream().filter(candidate -> candidate.equalsIgnoreCase(name)).findFirst()
                    .orElseThrow(() -> new SkyliftException(ErrorCode.INVALID_INPUT,
                            "unknown column '" + name + "': choose from " + String.join(", ", columns)));
            selected.add(column);
        }
        return selected;
    }

    private static SequencedMap<String, Object> pick(Map<String, ?> row, List<String> columns) {
        SequencedMap<String, Object> picked = new LinkedHashMap<>();
        columns.forEach(column -> picked.put(column, row.get(column)));
        return picked;
    }

    /** A value as one line of text: maps as {@code key=value, ...}, lists comma-separated. */
    private static String text(Object value) {
        return switch (value) {
            case null -> "";
            case Map<?, ?> map -> map.entrySet().stream().map(entry -> entry.getKey() + "=" + text(entry.getValue()))
                    .collect(Collectors.joining(", "));
            case Collection<?> list -> list.stream().map(OutputFormatter::text).collect(Collectors.joining(", "));
            // A line break or tab would split a row in the table and value formats.
            default -> value.toString().replace('\n', ' ').replace('\t', ' ');
        };
    }
}
