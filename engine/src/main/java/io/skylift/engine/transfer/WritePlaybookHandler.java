package io.skylift.engine.transfer;

import io.skylift.bundle.Bundle;
import io.skylift.bundle.BundleLayout;
import io.skylift.bundle.Manifest;
import io.skylift.bundle.playbook.Playbook;
import io.skylift.engine.execution.TaskContext;
import io.skylift.engine.execution.TaskHandler;
import io.skylift.model.AtomicWrite;
import io.skylift.model.Resource;
import io.skylift.spi.ErrorCode;
import io.skylift.spi.SkyliftException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The last step of an export, once every disk is in: checks the manifest covers every resource
 * with data, and writes {@code playbook.yml}.
 */
final class WritePlaybookHandler implements TaskHandler {

    static final String TYPE = "write-playbook";
    static final String DIRECTORY = "directory";

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Map<String, Object> run(TaskContext context) throws IOException {
        Path directory = Path.of((String) context.inputs().get(DIRECTORY));
        Bundle bundle = Bundle.read(directory);
        Manifest manifest = Manifest.read(directory);
        List<String> missing = bundle.resources().stream().filter(BundleExport::hasData).map(Resource::ref)
                .filter(ref -> manifest.of(ref).isEmpty()).map(Object::toString).toList();
        if (!missing.isEmpty()) {
            throw new SkyliftException(ErrorCode.INTERNAL, BundleLayout.manifest(directory) + " has no data for " + String.join(", ", missing));
        }
        AtomicWrite.writeString(BundleLayout.playbook(directory), Playbook.render(bundle, manifest));
        Files.deleteIfExists(directory.resolve(ManifestLock.LOCK_FILE));
        return Map.of("playbook", BundleLayout.playbook(directory).toString(), "files", manifest.files().size());
    }
}
