package io.skylift.bundle.playbook;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Text from the bundle made safe inside a playbook, where Ansible templates every string: a name
 * or description holding {@code {{ ... }}} would otherwise be run as an expression at the
 * destination. Such text becomes a Jinja string literal, which renders back to itself.
 */
final class JinjaText {

    private JinjaText() {}

    /** {@code text} as it must appear in a templated string to render as exactly {@code text}. */
    static String literal(String text) {
        requireNonNull(text, "text is null");
        if (!text.contains("{{") && !text.contains("{%") && !text.contains("{#")) {
            return text;
        }
        return "{{ " + stringLiteral(text) + " }}";
    }

    /** {@code text} as a Jinja string literal, for use inside an expression. */
    static String stringLiteral(String text) {
        return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    /**
     * A tree of params (maps, lists, strings, numbers, booleans) with every string value made
     * literal; keys are left as they are, because Ansible does not template keys.
     */
    static Object literalTree(Object value) {
        if (value instanceof String text) {
            return literal(text);
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((key, item) -> copy.put(String.valueOf(key), literalTree(item)));
            return copy;
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>();
            list.forEach(item -> copy.add(literalTree(item)));
            return copy;
        }
        return value;
    }

    /** A Jinja expression, such as a registered result's id, as a templated string. */
    static String expression(String expression) {
        requireNonNull(expression, "expression is null");
        return "{{ " + expression + " }}";
    }
}
