package io.skylift.bundle;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.skylift.model.ResourceRef;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** {@code manifest.yaml}: every data file of a bundle with its size and SHA-256, sorted by path. */
public record Manifest(List<DataFile> files) {

    static final String FORMAT = "skylift-bundle-manifest";

    public Manifest {
        List<DataFile> sorted = new ArrayList<>(requireNonNull(files, "files is null"));
        sorted.sort(Comparator.comparing(DataFile::path));
        Set<String> paths = new HashSet<>();
        Set<ResourceRef> resources = new HashSet<>();
        for (DataFile file : sorted) {
            if (!paths.add(file.path())) {
                throw new IllegalArgumentException("the manifest lists " + file.path() + " twice");
            }
            if (!resources.add(file.resource())) {
                throw new IllegalArgumentException("the manifest has two data files for " + file.resource());
            }
        }
        files = List.copyOf(sorted);
    }

    public static Manifest empty() {
        return new Manifest(List.of());
    }

    /** Reads {@code manifest.yaml} in {@code directory}; a bundle without data has none. */
    public static Manifest read(Path directory) {
        Path file = BundleLayout.manifest(directory);
        if (!Files.exists(file)) {
            return empty();
        }
        Document document = BundleYaml.convert(file, BundleYaml.read(file, FORMAT), Document.class);
        return new Manifest(document.files() == null ? List.of() : document.files());
    }

    public void write(Path directory) {
        BundleYaml.write(BundleLayout.manifest(directory), new Document(FORMAT, Bundle.FORMAT_VERSION, files));
    }

    public Optional<DataFile> of(ResourceRef resource) {
        return files.stream().filter(file -> file.resource().equals(resource)).findFirst();
    }

    /** This manifest with {@code file} in place of any entry for its path or resource. */
    public Manifest with(DataFile file) {
        List<DataFile> all = new ArrayList<>(files);
        all.removeIf(other -> other.path().equals(file.path()) || other.resource().equals(file.resource()));
        all.add(file);
        return new Manifest(all);
    }

    @JsonPropertyOrder({"format", "version", "files"})
    private record Document(String format, int version, List<DataFile> files) {}
}
