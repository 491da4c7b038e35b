package io.skylift.provider.openstack.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.skylift.model.Resource;
import io.skylift.model.ResourceRef;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;

/** Volumes, volume types, snapshots, images, flavors and their access, keypairs and server groups from the seed. */
class StorageAndCatalogConvertersTest {

    @Test
    void volume_attachedBootVolume_keepsSizeAndBootableAndRefersToTypeOnly() {
        Resource volume = CinderVolumeToResource.convert(
                Fixtures.item("volume-volumes.json", "volumes", "name", "skylift-db-1-boot"), SeedContext.member());

        assertThat(volume.ref()).isEqualTo(ResourceRef.parse("volume:demo/skylift-db-1-boot"));
        assertThat(volume.params())
                .containsEntry("size", 1)
                .containsEntry("bootable", true)
                .containsEntry("availability_zone", "nova")
                .containsEntry("metadata", Map.of("purpose", "root disk"))
                .containsEntry("image_metadata", Map.of("hw_disk_bus", "scsi", "hw_scsi_model", "virtio-scsi"));
        assertThat(volume.refs()).containsExactly(Map.entry("volume_type", List.of(ResourceRef.parse("volume_type:__DEFAULT__"))));
        assertThat(volume.info())
                .containsEntry("status", "in-use")
                .containsEntry("attachments", List.of(Map.of("server_id", "4b1c7e1d-3a4c-4b3c-a3f2-82f031a659af",
                        "server", "skylift-db-1", "device", "/dev/sda", "attachment_id", "7b28e291-9229-4ea8-b47f-b959db2edc2c")))
                .containsEntry("source_image", Map.of("id", "fcacc7af-1eaf-471e-a39c-1dfb34d53240", "name", "skylift-raw"));
    }

    @Test
    void volume_imageMetadata_paramsKeepOnlyWhatAnOwnerSets_infoKeepsAll() {
        ObjectNode document = (ObjectNode) Fixtures.item("volume-volumes.json", "volumes", "name", "skylift-db-1-boot").deepCopy();
        ((ObjectNode) document.path("volume_image_metadata")).put("os_hash_algo", "sha512").put("os_hash_value", "9f86d0")
                .put("os_glance_importing_to_stores", "").put("kernel_id", "a9bfa31c").put("skylift_source_id", "src-img")
                .put("hw_qemu_guest_agent", "yes");

        Resource volume = CinderVolumeToResource.convert(document, SeedContext.member());

        assertThat(volume.params().get("image_metadata"))
                .isEqualTo(Map.of("hw_disk_bus", "scsi", "hw_scsi_model", "virtio-scsi", "hw_qemu_guest_agent", "yes"));
        assertThat(volume.info().get("image_metadata")).asInstanceOf(InstanceOfAssertFactories.MAP)
                .containsEntry("image_name", "skylift-raw").containsEntry("checksum", "548dc1ebf5bbf39b70618645c90475d5")
                .containsEntry("owner_specified.openstack.object", "images/skylift-raw").containsEntry("skylift_seed", "true")
                .containsEntry("os_hash_algo", "sha512").containsEntry("hw_disk_bus", "scsi");
    }

    @Test
    void volume_withOnlyComputedImageMetadata_hasNoImageMetadataParam() {
        Resource volume = CinderVolumeToResource.convert(
                Fixtures.item("volume-volumes.json", "volumes", "name", "skylift-data"), SeedContext.member());

        assertThat(volume.params()).doesNotContainKey("image_metadata");
        assertThat(volume.info().get("image_metadata")).asInstanceOf(InstanceOfAssertFactories.MAP).containsEntry("disk_format", "raw");
    }

    @Test
    void volume_unnamedAndAttached_isNamedByServerAndDevice() {
        var document = (com.fasterxml.jackson.databind.node.ObjectNode)
                Fixtures.item("volume-volumes.json", "volumes", "name", "skylift-data").deepCopy();
        document.put("name", "");

        assertThat(CinderVolumeToResource.ref(document, SeedContext.member()))
                .isEqualTo(ResourceRef.parse("volume:demo/skylift-db-1/sdb"));
    }

    @Test
    void volumeType_default_isGlobal() {
        Resource type = CinderVolumeTypeToResource.convert(Fixtures.items("volume-types.json", "volume_types").getFirst());

        assertThat(type.ref()).isEqualTo(ResourceRef.parse("volume_type:__DEFAULT__"));
        assertThat(type.params()).containsEntry("is_public", true).containsEntry("description", "Default Volume Type");
    }

    @Test
    void snapshot_ofDataVolume_refersToItsVolume() {
        Resource snapshot = CinderSnapshotToResource.convert(
                Fixtures.items("volume-snapshots.json", "snapshots").getFirst(), SeedContext.member());

        assertThat(snapshot.ref()).isEqualTo(ResourceRef.parse("volume_snapshot:demo/skylift-data-before-upgrade"));
        assertThat(snapshot.refs()).containsExactly(Map.entry("volume", List.of(ResourceRef.parse("volume:demo/skylift-data"))));
        assertThat(snapshot.params()).containsEntry("size", 1).containsEntry("metadata", Map.of("reason", "upgrade"));
    }

    @Test
    void image_qcow2_splitsGlanceFieldsFromProperties() {
        Resource image = GlanceImageToResource.convert(
                Fixtures.item("image-images.json", "images", "name", "skylift-cirros-qcow2"), SeedContext.member());

        assertThat(image.ref()).isEqualTo(ResourceRef.parse("image:demo/skylift-cirros-qcow2"));
        assertThat(image.params())
                .containsEntry("disk_format", "qcow2")
                .containsEntry("container_format", "bare")
                .containsEntry("min_disk", 0)
                .containsEntry("visibility", "shared")
                .containsEntry("tags", List.of("skylift"));
        assertThat(image.params().get("properties")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                .containsEntry("skylift_seed", "true")
                .doesNotContainKeys("checksum", "size", "self");
        assertThat(image.info())
                .containsEntry("size", 5570560)
                .containsEntry("virtual_size", 33554432)
                .containsEntry("checksum", "4f650c049bde0a13a04fc06dfa7d2621")
                .containsEntry("os_hash_algo", "sha512")
                .containsEntry("status", "active");
    }

    @Test
    void flavor_withExtraSpecs_isGlobalWithSizes() {
        Resource flavor = NovaFlavorToResource.convert(Fixtures.items("compute-flavors.json", "flavors").getFirst());

        assertThat(flavor.ref()).isEqualTo(ResourceRef.parse("flavor:skylift.small"));
        assertThat(flavor.params()).containsExactly(
                Map.entry("vcpus", 1), Map.entry("ram", 256), Map.entry("disk", 1), Map.entry("ephemeral", 0),
                Map.entry("swap", 0), Map.entry("is_public", true), Map.entry("extra_specs", Map.of("skylift:tier", "small")));
    }

    @Test
    void flavorAccess_ofAPrivateFlavor_isNamedProjectFlavorAndRefersToBoth() {
        JsonNode flavor = Fixtures.item("compute-flavors-admin.json", "flavors", "name", "skylift.private");
        JsonNode access = Fixtures.item("compute-flavor-access.json", "flavor_access", "tenant_id", Fixtures.DEMO_PROJECT);

        Resource resource = NovaFlavorAccessToResource.convert(flavor, access, "demo");

        assertThat(NovaFlavorAccessToResource.hasAccessList(flavor)).isTrue();
        assertThat(resource.ref()).isEqualTo(ResourceRef.parse("flavor_access:demo/skylift.private"));
        assertThat(resource.params()).isEmpty();
        assertThat(resource.refs()).containsExactly(
                Map.entry("flavor", List.of(ResourceRef.parse("flavor:skylift.private"))),
                Map.entry("project", List.of(ResourceRef.parse("project:demo"))));
        // The id the OpenStack writer gives it.
        assertThat(resource.info()).containsExactly(
                Map.entry("id", Fixtures.PRIVATE_FLAVOR + "/" + Fixtures.DEMO_PROJECT),
                Map.entry("flavor_id", Fixtures.PRIVATE_FLAVOR),
                Map.entry("project_id", Fixtures.DEMO_PROJECT));
    }

    @Test
    void flavorAccess_aPublicFlavor_hasNoAccessList() {
        assertThat(NovaFlavorAccessToResource.hasAccessList(
                Fixtures.item("compute-flavors-admin.json", "flavors", "name", "skylift.small"))).isFalse();
    }

    @Test
    void keypair_listed_isOwnedByTheConnectionsUser() {
        Resource keypair = NovaKeypairToResource.convert(Fixtures.items("compute-keypairs.json", "keypairs").getFirst(), "demo");

        assertThat(keypair.ref()).isEqualTo(ResourceRef.parse("keypair:demo/skylift-key"));
        assertThat(keypair.params()).containsEntry("type", "ssh");
        assertThat((String) keypair.params().get("public_key")).startsWith("ssh-ed25519 ").endsWith(" skylift-seed");
        assertThat(keypair.info()).containsEntry("fingerprint", "37:e2:b2:0c:3c:3b:da:14:fc:22:6d:a5:aa:0a:4a:3a");
    }

    @Test
    void serverGroup_softAntiAffinity_keepsPolicyAndMembersAsInfo() {
        Resource group = NovaServerGroupToResource.convert(
                Fixtures.items("compute-server-groups.json", "server_groups").getFirst(), SeedContext.member());

        assertThat(group.ref()).isEqualTo(ResourceRef.parse("server_group:demo/skylift-group"));
        assertThat(group.params()).containsExactly(Map.entry("policy", "soft-anti-affinity"));
        assertThat(group.refs()).isEmpty();
        assertThat(group.info()).containsEntry("member_ids", List.of("fa878ec0-189e-4e7c-a484-0c11d4f3be9c"));
    }
}
