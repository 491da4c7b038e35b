package io.skylift.bundle.playbook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.util.stream.Collectors;

/**
 * Writes the playbook's YAML with Jackson. Jackson writes no comments, and the playbook explains
 * what it leaves out beside where it would be: so each task is written on its own and indented
 * into the play, with its comment lines above it.
 */
final class PlaybookYaml {

    // Every string double-quoted: "yes", "1e3" or "{{ x }}" must stay strings, and never be folded
    // across lines, so that a line of uuids.csv reads as it will be written.
    private static final ObjectMapper MAPPER = new ObjectMapper(YAMLFactory.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .disable(YAMLGenerator.Feature.SPLIT_LINES)
            .build());

    private PlaybookYaml() {}

    /** {@code value} as YAML, every line indented by {@code indent} spaces. */
    static String block(Object value, int indent) {
        String yaml;
        try {
            yaml = MAPPER.writeValueAsString(value);
        }
        catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the playbook's YAML", e);
        }
        String prefix = " ".repeat(indent);
        return yaml.lines().map(line -> line.isEmpty() ? line : prefix + line).collect(Collectors.joining("\n", "", "\n"));
    }

    /** {@code lines} as YAML comments at {@code indent}. */
    static String comment(Iterable<String> lines, int indent) {
        StringBuilder out = new StringBuilder();
        for (String line : lines) {
            // Refs hold no control characters, but a hand-edited param might: one comment line each.
            for (String part : line.split("\\R", -1)) {
                out.append(" ".repeat(indent)).append(part.isEmpty() ? "#" : "# " + part).append('\n');
            }
        }
        return out.toString();
    }
}
