package io.skylift.bundle;

import io.skylift.model.ResourceRef;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Pattern;

/** Where each part of a bundle lives in its directory. */
public final class BundleLayout {

    public static final String RESOURCES = "resources.yaml";
    public static final String MANIFEST = "manifest.yaml";
    public static final String PLAYBOOK = "playbook.yml";
    public static final String UUIDS = "uuids.csv";
    public static final String DATA = "data";

    private static final Pattern UNSAFE = Pattern.compile("[^A-Za-z0-9._-]");

    private BundleLayout() {}

    public static Path resources(Path directory) {
        return directory.resolve(RESOURCES);
    }

    public static Path manifest(Path directory) {
        return directory.resolve(MANIFEST);
    }

    public static Path playbook(Path directory) {
        return directory.resolve(PLAYBOOK);
    }

    public static Path uuids(Path directory) {
        return directory.resolve(UUIDS);
    }

    /**
     * The data file of a resource, relative to the bundle: {@code data/<type>/<owner>/<name>.<format>},
     * such as {@code data/image/demo/cirros.qcow2}. Characters other than letters, digits,
     * {@code .}, {@code _} and {@code -} become {@code _}; a name changed that way also gets the
     * start of its ref's SHA-256, so two names never share a file.
     */
    public static String dataPath(ResourceRef ref, String diskFormat) {
        String owner = ref.owner() == null ? "_" : segment(ref.owner(), ref);
        return DATA + "/" + ref.type().id() + "/" + owner + "/" + segment(ref.name(), ref) + "." + segment(diskFormat.toLowerCase(Locale.ROOT), ref);
    }

    private static String segment(String text, ResourceRef ref) {
        String safe = UNSAFE.matcher(text).replaceAll("_");
        if (safe.equals(text) && !safe.startsWith(".")) {
            return safe;
        }
        return safe.replaceFirst("^\\.", "_") + "-" + Sha256.of(ref.toString()).substring(0, 8);
    }
}
