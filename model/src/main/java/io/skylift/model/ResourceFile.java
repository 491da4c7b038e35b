package io.skylift.model;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What to move, as an operator writes it or {@code skylift query} extends it: a YAML mapping of
 * sections, one per resource type in the plural ({@code servers}, {@code volumes},
 * {@code security_groups}, ...), each a list of entries with a {@code name}, optionally the
 * owner ({@code project}, or {@code user} for keypairs), and options:
 *
 * <pre>
 * keypairs:
 * - name: skylift-key
 * servers:
 * - name: skylift-web-1
 *   project: demo
 *   save_state: true
 * </pre>
 */
public record ResourceFile(List<Selection> selections) {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES));
    private static final String NAME = "name";

    public ResourceFile {
        selections = List.copyOf(requireNonNull(selections, "selections is null"));
    }

    public static ResourceFile empty() {
        return new ResourceFile(List.of());
    }

    /** The section that holds resources of {@code type}: its id in the plural. */
    public static String section(ResourceType type) {
        return type.id() + "s";
    }

    /**
     * Reads a resource file.
     *
     * @throws InvalidResourceFileException naming the file, the place and what is wrong
     */
    public static ResourceFile read(Path file) {
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
        }
        catch (NoSuchFileException e) {
            throw new InvalidResourceFileException(file + ": no such file");
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** Reads {@code file} if it exists, else an empty resource file: what {@code query} extends. */
    public static ResourceFile readOrEmpty(Path file) {
        return Files.exists(file) ? read(file) : empty();
    }

    /** Parses resource-file YAML; {@code source} names it in error messages. */
    public static ResourceFile parse(String yaml, String source) {
        JsonNode root;
        try {
            root = YAML.readTree(yaml);
        }
        catch (JsonProcessingException e) {
            throw new InvalidResourceFileException(source + ": malformed YAML" + location(e) + ": " + oneLine(e.getOriginalMessage()));
        }
        if (root == null || root.isMissingNode() || root.isNull()) {
            return empty();
        }
        if (!root.isObject()) {
            throw new InvalidResourceFileException(source + ": expected a mapping of sections such as 'servers:', found a " + kind(root));
        }
        List<Selection> selections = new ArrayList<>();
        for (Map.Entry<String, JsonNode> section : root.properties()) {
            ResourceType type = typeOfSection(source, section.getKey());
            JsonNode entries = section.getValue();
            if (entries.isNull()) {
                continue;
            }
            if (!entries.isArray()) {
                throw new InvalidResourceFileException(source + ": section '" + section.getKey() + "' must be a list of entries ('- name: ...'), found a " + kind(entries));
            }
            for (int i = 0; i < entries.size(); i++) {
                selections.add(entry(source, type, section.getKey() + "[" + i + "]", entries.get(i)));
            }
        }
        return new ResourceFile(selections);
    }

    /** This file plus every selection in {@code more} that names a resource not in it yet; entries already here are kept as they are. */
    public ResourceFile extendedWith(Collection<Selection> more) {
        List<Selection> all = new ArrayList<>(selections);
        for (Selection candidate : more) {
            if (all.stream().noneMatch(candidate::sameResource)) {
                all.add(candidate);
            }
        }
        return new ResourceFile(all);
    }

    public List<Selection> of(ResourceType type) {
        return selections.stream().filter(selection -> selection.type() == type).toList();
    }

    /** The YAML form that {@link #parse} reads back; sections in {@link ResourceType} order. */
    public String toYaml() {
        ObjectNode root = YAML.createObjectNode();
        for (ResourceType type : ResourceType.values()) {
            List<Selection> ofType = of(type);
            if (ofType.isEmpty()) {
                continue;
            }
            var section = root.putArray(section(type));
            for (Selection selection : ofType) {
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put(NAME, selection.name());
                selection.ownerIfGiven().ifPresent(owner -> entry.put(ownerKey(type), owner));
                entry.putAll(selection.options());
                section.add(YAML.valueToTree(entry));
            }
        }
        try {
            return root.isEmpty() ? "{}\n" : YAML.writeValueAsString(root);
        }
        catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a resource file", e);
        }
    }

    /** Writes the file whole or not at all: a crash never leaves half a resource file. */
    public void write(Path file) {
        AtomicWrite.writeString(file, toYaml());
    }

    private static Selection entry(String source, ResourceType type, String where, JsonNode node) {
        if (!node.isObject()) {
            throw new InvalidResourceFileException(source + ": " + where + " must be a mapping with at least 'name:', found a " + kind(node));
        }
        JsonNode name = node.get(NAME);
        if (name == null || !name.isTextual() || name.asText().isBlank()) {
            throw new InvalidResourceFileException(source + ": " + where + " has no name: add 'name: <" + type + " name>'");
        }
        String ownerKey = ownerKey(type);
        String owner = null;
        Map<String, Object> options = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            String key = field.getKey();
            if (key.equals(NAME)) {
                continue;
            }
            if (key.equals(ownerKey)) {
                if (type.scope() == Scope.GLOBAL) {
                    throw new InvalidResourceFileException(source + ": " + where + ": " + type + " is global and takes no " + key + ": remove '" + key + ":'");
                }
                if (!field.getValue().isTextual()) {
                    throw new InvalidResourceFileException(source + ": " + where + "." + key + " must be a " + key + " name");
                }
                owner = field.getValue().asText();
                continue;
            }
            if (field.getValue().isNull()) {
                throw new InvalidResourceFileException(source + ": " + where + "." + key + " has no value: give one or remove the key");
            }
            options.put(key, YAML.convertValue(field.getValue(), Object.class));
        }
        try {
            return new Selection(type, owner, name.asText(), options);
        }
        catch (IllegalArgumentException e) {
            throw new InvalidResourceFileException(source + ": " + where + ": " + e.getMessage());
        }
    }

    private static String ownerKey(ResourceType type) {
        return type.scope() == Scope.USER ? "user" : "project";
    }

    private static ResourceType typeOfSection(String source, String section) {
        for (ResourceType type : ResourceType.values()) {
            if (section(type).equals(section)) {
                return type;
            }
        }
        throw new InvalidResourceFileException(source + ": unknown section '" + section + "'; expected one of: "
                + Arrays.stream(ResourceType.values()).map(ResourceFile::section).collect(Collectors.joining(", ")));
    }

    private static String location(JsonProcessingException e) {
        var at = e.getLocation();
        return at == null || at.getLineNr() < 0 ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
    }

    /** SnakeYAML's message without its quoted excerpt and caret lines, so the error stays one line. */
    private static String oneLine(String message) {
        return message.lines()
                .map(String::strip)
                .filter(line -> !line.isEmpty() && !line.equals("^") && !line.startsWith("in 'reader'"))
                .collect(Collectors.joining("; "));
    }

    private static String kind(JsonNode node) {
        return node.getNodeType().name().toLowerCase(Locale.ROOT);
    }
}
