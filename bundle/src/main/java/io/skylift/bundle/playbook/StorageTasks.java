package io.skylift.bundle.playbook;

import io.skylift.bundle.DataFile;
import io.skylift.model.Resource;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Images, volumes, volume types and volume snapshots as {@code openstack.cloud} tasks. Disk data
 * goes in through the image module's {@code filename}, from the bundle's {@code data/}; a volume
 * with data is made from a temporary image of it, which is deleted afterwards.
 */
final class StorageTasks {

    /** Prefix of the temporary images a volume's data passes through. */
    static final String TRANSFER_PREFIX = "skylift-transfer-";

    private StorageTasks() {}

    static ResourceTasks image(Resource image, PlaybookContext context) {
        Map<String, Object> params = image.params();
        Optional<DataFile> data = context.data(image.ref());
        ModuleArguments arguments = ModuleArguments.named(image)
                .put("disk_format", data.map(DataFile::diskFormat).orElse((String) params.get("disk_format")))
                .put("container_format", data.map(DataFile::containerFormat).orElse((String) params.get("container_format")))
                .copy(params, "min_disk")
                .copy(params, "min_ram")
                .copy(params, "visibility");
        // 2.x calls it is_protected; protected is its alias and 1.10's name.
        if (Boolean.TRUE.equals(params.get("protected"))) {
            arguments.put("protected", true);
        }
        arguments.copy(params, "tags").copy(params, "properties");
        data.ifPresent(file -> arguments.raw("filename", PlaybookContext.path(file)));
        ResourceTasks tasks = ResourceTasks.created(image, "openstack.cloud.image", arguments, "image", context);
        if (data.isEmpty()) {
            return tasks.withComments(List.of(image.ref() + ": the manifest has no data file for it, so it is created without data."));
        }
        return tasks;
    }

    /** An image of {@code file}, named {@code name}: how data reaches a volume or a server. */
    static Task upload(String name, DataFile file, String purpose) {
        return Task.of("Upload " + purpose, "openstack.cloud.image", ModuleArguments.openstack()
                .put("name", name)
                .put("disk_format", file.diskFormat())
                .put("container_format", file.containerFormat())
                .raw("filename", PlaybookContext.path(file)));
    }

    static Task delete(String imageName, String purpose) {
        return Task.of("Delete " + purpose, "openstack.cloud.image", ModuleArguments.openstack()
                .put("name", imageName)
                .put("state", "absent"));
    }

    static ResourceTasks volume(Resource volume, PlaybookContext context) {
        Map<String, Object> params = volume.params();
        Optional<DataFile> data = context.data(volume.ref());
        String transfer = TRANSFER_PREFIX + volume.ref().name();
        ModuleArguments arguments = ModuleArguments.named(volume)
                .copy(params, "size")
                .copy(params, "description")
                .put("volume_type", PlaybookContext.refName(volume, "volume_type").orElse(null))
                .copy(params, "availability_zone")
                .copy(params, "metadata");
        // 2.x calls it is_bootable; bootable is its alias and 1.10's name. Cinder marks a
        // volume made from an image bootable itself.
        if (Boolean.TRUE.equals(params.get("bootable"))) {
            arguments.put("bootable", true);
        }
        if (Boolean.TRUE.equals(params.get("multiattach"))) {
            arguments.put("is_multiattach", true);
        }
        data.ifPresent(file -> arguments.put("image", transfer));
        ResourceTasks tasks = ResourceTasks.created(volume, "openstack.cloud.volume", arguments, "volume", context);
        if (data.isEmpty()) {
            return tasks;
        }
        String purpose = "the data of " + volume.ref();
        return tasks.after(List.of(upload(transfer, data.get(), purpose + " as the temporary image " + transfer)))
                .then(List.of(delete(transfer, "the temporary image of " + volume.ref())));
    }

    static ResourceTasks volumeType(Resource volumeType) {
        return ResourceTasks.notCreated(volumeType.ref(), "A volume type names the destination's storage backend, which its admin chooses;",
                "the volumes refer to it by name, so a type of that name must exist at the destination.");
    }

    static ResourceTasks volumeSnapshot(Resource snapshot) {
        return ResourceTasks.notCreated(snapshot.ref(), "A snapshot holds its volume as it was when taken; the bundle does not carry that data,",
                "and a snapshot of the new volume would show today's data under the old name.");
    }
}
