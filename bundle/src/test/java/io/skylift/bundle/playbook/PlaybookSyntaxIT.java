package io.skylift.bundle.playbook;

import static org.assertj.core.api.Assertions.assertThat;

import io.skylift.bundle.BundleLayout;
import io.skylift.bundle.Manifest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every generated playbook passes the real {@code ansible-playbook --syntax-check}: one with every
 * resource type, data files and the things written as comments, and one of an empty bundle. The
 * check parses the YAML, the play and each task, and resolves every module name against the
 * installed openstack.cloud (Debian's 1.10 has all the 2.x names the playbook uses).
 */
class PlaybookSyntaxIT {

    @Test
    void everyResourceType_passesSyntaxCheck(@TempDir Path directory) throws IOException {
        assertPassesSyntaxCheck(directory, Playbook.render(SampleBundles.everyType(), SampleBundles.everyTypeManifest()));
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
