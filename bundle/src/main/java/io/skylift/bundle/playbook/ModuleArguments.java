package io.skylift.bundle.playbook;

import static java.util.Objects.requireNonNull;

import io.skylift.model.Resource;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The arguments of one module call, in the order written. Values from the bundle go in through
 * {@link #put} and {@link #copy}, which make their strings literal; {@link #expression} and
 * {@link #raw} are for Jinja that the playbook itself writes. Absent and empty values are left
 * out, so a module keeps its own default.
 */
final class ModuleArguments {

    private final Map<String, Object> arguments = new LinkedHashMap<>();

    private ModuleArguments() {}

    static ModuleArguments create() {
        return new ModuleArguments();
    }

    /** Arguments of an {@code openstack.cloud} module: the cloud is the play's variable. */
    static ModuleArguments openstack() {
        return new ModuleArguments().expression("cloud", "cloud");
    }

    /** Arguments of the {@code openstack.cloud} module that creates {@code resource}, by its name. */
    static ModuleArguments named(Resource resource) {
        return openstack().put("name", resource.ref().name());
    }

    ModuleArguments put(String key, Object value) {
        requireNonNull(key, "key is null");
        if (value == null || value instanceof Collection<?> c && c.isEmpty() || value instanceof Map<?, ?> m && m.isEmpty()) {
            return this;
        }
        arguments.put(key, JinjaText.literalTree(value));
        return this;
    }

    /** {@code params.get(key)} under the same name. */
    ModuleArguments copy(Map<String, Object> params, String key) {
        return put(key, params.get(key));
    }

    /** {@code params.get(from)} as the argument {@code to}. */
    ModuleArguments copy(Map<String, Object> params, String from, String to) {
        return put(to, params.get(from));
    }

    /** The value the Jinja {@code expression} renders to at run time. */
    ModuleArguments expression(String key, String expression) {
        arguments.put(requireNonNull(key, "key is null"), JinjaText.expression(expression));
        return this;
    }

    /**
     * A value the playbook writes itself, such as a path under {@code {{ playbook_dir }}} or a
     * filter on a registered id: taken as it is, not made literal.
     */
    ModuleArguments raw(String key, Object value) {
        arguments.put(requireNonNull(key, "key is null"), requireNonNull(value, "value is null"));
        return this;
    }

    Map<String, Object> build() {
        return arguments;
    }
}
