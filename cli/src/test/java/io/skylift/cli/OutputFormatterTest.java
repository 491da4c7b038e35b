package io.skylift.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OutputFormatterTest {

    private final StringWriter out = new StringWriter();
    private final OutputFormatter formatter = new OutputFormatter(new PrintWriter(out));

    private static final List<String> COLUMNS = List.of("name", "size", "tags");

    private static List<Map<String, Object>> rows() {
        Map<String, Object> first = new LinkedHashMap<>();
        first.put("name", "web");
        first.put("size", 20);
        first.put("tags", List.of("a", "b"));
        Map<String, Object> second = new LinkedHashMap<>();
        second.put("name", "tab\there");
        second.put("size", null);
        second.put("tags", List.of());
        return List.of(first, second);
    }

    private static OutputOptions options(OutputFormat format, String... columns) {
        OutputOptions options = new OutputOptions();
        options.format = format;
        options.columns = List.of(columns);
        return options;
    }

    @Test
    void list_table_padsColumnsToTheWidestCell() {
        formatter.list(COLUMNS, rows(), options(OutputFormat.table));

        assertThat(out.toString()).isEqualTo("""
                +----------+------+------+
                | name     | size | tags |
                +----------+------+------+
                | web      | 20   | a, b |
                | tab here |      |      |
                +----------+------+------+
                """);
    }

    @Test
    void list_table_withNoRows_printsTheHeader() {
        formatter.list(COLUMNS, List.of(), options(OutputFormat.table));

        assertThat(out.toString()).isEqualTo("""
                +------+------+------+
                | name | size | tags |
                +------+------+------+
                """);
    }

    @Test
    void list_value_isTabSeparatedWithoutHeader() {
        formatter.list(COLUMNS, rows(), options(OutputFormat.value));

        assertThat(out.toString()).isEqualTo("web\t20\ta, b\ntab here\t\t\n");
    }

    @Test
    void list_json_keepsTypesAndNulls() {
        formatter.list(COLUMNS, rows(), options(OutputFormat.json, "size", "name"));

        assertThat(out.toString()).isEqualTo("""
                [ {
                  "size" : 20,
                  "name" : "web"
                }, {
                  "size" : null,
                  "name" : "tab\\there"
                } ]
                """);
    }

    @Test
    void list_yaml_writesAListOfMappings() {
        formatter.list(COLUMNS, rows().subList(0, 1), options(OutputFormat.yaml));

        assertThat(out.toString()).isEqualTo("""
                - name: web
                  size: 20
                  tags:
                  - a
                  - b
                """);
    }

    @Test
    void list_columnsMatchIgnoringCase() {
        formatter.list(COLUMNS, rows().subList(0, 1), options(OutputFormat.value, "NAME"));

        assertThat(out.toString()).isEqualTo("web\n");
    }

    @Test
    void list_unknownColumn_namesTheColumnsThereAre() {
        assertThatThrownBy(() -> formatter.list(COLUMNS, rows(), options(OutputFormat.table, "colour")))
                .hasMessage("unknown column 'colour': choose from name, size, tags");
    }

    @Test
    void show_table_isFieldAndValue() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("name", "src");
        fields.put("connection", Map.of("password", "******"));

        formatter.show(fields, options(OutputFormat.table));

        assertThat(out.toString()).isEqualTo("""
                +------------+-----------------+
                | field      | value           |
                +------------+-----------------+
                | name       | src             |
                | connection | password=****** |
                +------------+-----------------+
                """);
    }
}
