package io.skylift.bundle.playbook;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One task of the play: a module with its arguments, and the variable its result is registered
 * in when a later task needs the new id.
 *
 * @param name     shown by ansible-playbook as it runs; made literal, since Ansible templates it
 * @param module   the fully qualified module name, such as {@code openstack.cloud.network}
 * @param register the variable for the module's result, if a later task reads it
 */
record Task(String name, String module, Map<String, Object> arguments, Optional<String> register) {

    Task {
        requireNonNull(name, "name is null");
        requireNonNull(module, "module is null");
        arguments = Collections.unmodifiableMap(new LinkedHashMap<>(requireNonNull(arguments, "arguments is null")));
        requireNonNull(register, "register is null");
    }

    static Task of(String name, String module, ModuleArguments arguments) {
        return new Task(name, module, arguments.build(), Optional.empty());
    }

    Task registeredAs(String variable) {
        return new Task(name, module, arguments, Optional.of(variable));
    }

    /** The task as the playbook writes it. */
    Map<String, Object> toYaml() {
        Map<String, Object> task = new LinkedHashMap<>();
        task.put("name", JinjaText.literal(name));
        task.put(module, arguments);
        register.ifPresent(variable -> task.put("register", variable));
        return task;
    }
}
