package io.skylift.bundle.playbook;

import static org.assertj.core.api.Assertions.assertThat;

import io.skylift.bundle.BundleLayout;
import io.skylift.bundle.DataFile;
import io.skylift.bundle.Manifest;
import io.skylift.model.Resource;
import io.skylift.model.ResourceGraph;
import io.skylift.model.ResourceType;
import io.skylift.provider.openstack.OpenStackProviderFactory;
import io.skylift.spi.ConnectionInfo;
import io.skylift.spi.Inventory;
import io.skylift.spi.Provider;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every generated playbook passes the real {@code ansible-playbook --syntax-check}: one with every
 * resource type, data files and the things written as comments, one of the real source cloud's
 * inventory, and one of an empty bundle. The
 * check parses the YAML, the play and each task, and resolves every module name against the
 * installed openstack.cloud (Debian's 1.10 has all the 2.x names the playbook uses).
 */
class PlaybookSyntaxIT {

    @Test
    void everyResourceType_passesSyntaxCheck(@TempDir Path directory) throws IOException {
        assertPassesSyntaxCheck(directory, Playbook.render(SampleBundles.everyType(), SampleBundles.everyTypeManifest()));
    }

    /**
     * The seeded source cloud's demo project, as its member sees it, in creation order, with a data
     * file for each image and (saved state) each volume and server: the shapes the converters
     * really produce, not only hand-made ones.
     */
    @Test
    void realInventoryOfAProject_passesSyntaxCheck(@TempDir Path directory) throws IOException {
        String playbook = renderInventory("skylift-src-demo", ResourceType.NETWORK, ResourceType.SUBNET, ResourceType.ROUTER,
                ResourceType.ROUTER_INTERFACE, ResourceType.SECURITY_GROUP_RULE, ResourceType.PORT, ResourceType.FLOATING_IP,
                ResourceType.VOLUME, ResourceType.SERVER, ResourceType.KEYPAIR, ResourceType.IMAGE);
        assertPassesSyntaxCheck(directory, playbook);
    }

    /** The same cloud as its admin sees it: projects, users, role assignments, quotas. */
    @Test
    void realInventoryAsAdmin_passesSyntaxCheck(@TempDir Path directory) throws IOException {
        String playbook = renderInventory("skylift-src", ResourceType.PROJECT, ResourceType.USER, ResourceType.ROLE_ASSIGNMENT,
                ResourceType.QUOTA, ResourceType.FLAVOR);
        assertPassesSyntaxCheck(directory, playbook);
    }

    /** The inventory of {@code cloud} rendered, after checking it has {@code expected} types and the playbook names each resource. */
    private static String renderInventory(String cloud, ResourceType... expected) {
        OpenStackProviderFactory factory = new OpenStackProviderFactory();
        List<Resource> inventory;
        try (Provider provider = factory.connect(new ConnectionInfo(factory.connectionFromNamedCloud(cloud),
                Set.of("password", "application_credential_secret")))) {
            inventory = provider.capability(Inventory.class).orElseThrow().read(EnumSet.allOf(ResourceType.class));
        }
        List<Resource> ordered = ResourceGraph.of(inventory).topologicalOrder();
        assertThat(ordered).extracting(resource -> resource.ref().type()).as("types in the inventory of " + cloud).contains(expected);
        List<DataFile> data = ordered.stream()
                .filter(resource -> Set.of(ResourceType.IMAGE, ResourceType.VOLUME, ResourceType.SERVER).contains(resource.ref().type()))
                .map(resource -> new DataFile(BundleLayout.dataPath(resource.ref(), "qcow2"), resource.ref(), 1, SampleBundles.SHA256, "qcow2", "bare"))
                .toList();
        String playbook = Playbook.render(SampleBundles.bundle(ordered), new Manifest(data));
        for (Resource resource : ordered) {
            assertThat(playbook).as("the playbook's task or comment for it").contains(resource.ref().toString());
        }
        return playbook;
    }

    @Test
    void emptyBundle_passesSyntaxCheck(@TempDir Path directory) throws IOException {
        assertPassesSyntaxCheck(directory, Playbook.render(SampleBundles.bundle(List.of()), Manifest.empty()));
    }

    @Test
    void syntaxCheck_failsOnABrokenPlaybook(@TempDir Path directory) throws IOException {
        // The check above could pass vacuously if ansible-playbook checked nothing: it does.
        Files.writeString(BundleLayout.playbook(directory), "- hosts: localhost\n  tasks:\n    - openstack.cloud.no_such_module: {}\n");
        AnsiblePlaybook.Result result = AnsiblePlaybook.run(directory, Map.of(), 120, "--syntax-check", "-i", "localhost,");
        assertThat(result.exitCode()).as(result.printed()).isNotZero();
        assertThat(result.printed()).contains("no_such_module");
    }

    private static void assertPassesSyntaxCheck(Path directory, String playbook) throws IOException {
        Files.writeString(BundleLayout.playbook(directory), playbook);
        AnsiblePlaybook.Result result = AnsiblePlaybook.run(directory, Map.of(), 120, "--syntax-check", "-i", "localhost,");
        assertThat(result.exitCode()).as("ansible-playbook --syntax-check of\n%s\nprinted:\n%s", playbook, result.printed()).isZero();
    }
}
