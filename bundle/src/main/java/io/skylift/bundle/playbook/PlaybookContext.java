package io.skylift.bundle.playbook;

import static java.util.Objects.requireNonNull;

import io.skylift.bundle.Bundle;
import io.skylift.bundle.DataFile;
import io.skylift.bundle.Manifest;
import io.skylift.model.Resource;
import io.skylift.model.ResourceRef;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the tasks of one resource need to know about the rest of the bundle: the variable each
 * resource's result is registered in (for ids a module needs, such as a subnet's for a port's
 * fixed IP), the data files, and the other resources.
 */
final class PlaybookContext {

    private final Bundle bundle;
    private final Manifest manifest;
    private final Map<ResourceRef, String> registers = new HashMap<>();

    PlaybookContext(Bundle bundle, Manifest manifest) {
        this.bundle = requireNonNull(bundle, "bundle is null");
        this.manifest = requireNonNull(manifest, "manifest is null");
        List<Resource> resources = bundle.resources();
        for (int i = 0; i < resources.size(); i++) {
            // By position: names may hold anything, variable names may not.
            registers.put(resources.get(i).ref(), "skylift_" + (i + 1));
        }
    }

    List<Resource> resources() {
        return bundle.resources();
    }

    Optional<Resource> resource(ResourceRef ref) {
        return bundle.find(ref);
    }

    /** The variable the result of {@code ref}'s creating task is registered in. */
    String register(ResourceRef ref) {
        String variable = registers.get(ref);
        if (variable == null) {
            throw new IllegalArgumentException(ref + " is not in the bundle");
        }
        return variable;
    }

    Optional<DataFile> data(ResourceRef ref) {
        return manifest.of(ref);
    }

    /** Where a data file is when the playbook runs: beside it, wherever the bundle was copied. */
    static String path(DataFile file) {
        return "{{ playbook_dir }}/" + JinjaText.literal(file.path());
    }

    /** The name of the first resource {@code resource} refers to as {@code role}. */
    static Optional<String> refName(Resource resource, String role) {
        return first(resource, role).map(ResourceRef::name);
    }

    static Optional<ResourceRef> first(Resource resource, String role) {
        return resource.refs().getOrDefault(role, List.of()).stream().findFirst();
    }

    static List<String> refNames(Resource resource, String role) {
        return resource.refs().getOrDefault(role, List.of()).stream().map(ResourceRef::name).toList();
    }
}
