package io.skylift.engine.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.skylift.model.Resource;
import io.skylift.model.ResourceFile;
import io.skylift.model.ResourceRef;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExportSelectionTest {

    private static final ResourceRef FLAVOR = ResourceRef.parse("flavor:m1.small");
    private static final ResourceRef KEY = ResourceRef.parse("keypair:demo/key");
    private static final ResourceRef OTHER_KEY = ResourceRef.parse("keypair:demo/other-key");
    private static final ResourceRef IMAGE = ResourceRef.parse("image:demo/cirros");
    private static final ResourceRef NETWORK = ResourceRef.parse("network:demo/net");
    private static final ResourceRef PORT = ResourceRef.parse("port:demo/web/net");
    private static final ResourceRef WEB = ResourceRef.parse("server:demo/web");
    private static final ResourceRef DB = ResourceRef.parse("server:demo/db");
    private static final ResourceRef VOLUME = ResourceRef.parse("volume:demo/data");

    private static final List<Resource> INVENTORY = List.of(
            Resource.of(FLAVOR), Resource.of(KEY), Resource.of(OTHER_KEY), Resource.of(IMAGE), Resource.of(NETWORK),
            Resource.of(PORT).withRefs(Map.of("network", List.of(NETWORK))),
            Resource.of(VOLUME),
            Resource.of(WEB).withRefs(Map.of("flavor", List.of(FLAVOR), "image", List.of(IMAGE), "keypair", List.of(KEY),
                    "ports", List.of(PORT), "volumes", List.of(VOLUME))),
            Resource.of(DB).withRefs(Map.of("flavor", List.of(FLAVOR))),
            Resource.of(ResourceRef.parse("server:admin/web")));

    private static List<Resource> select(String yaml) {
        return ExportSelection.select(ResourceFile.parse(yaml, "resources.yaml"), INVENTORY, "resources.yaml");
    }

    private static List<ResourceRef> refs(List<Resource> resources) {
        return resources.stream().map(Resource::ref).toList();
    }

    @Test
    void server_bringsEverythingItDependsOn_dependenciesFirst() {
        List<Resource> selected = select("servers:\n- name: web\n  project: demo\n");

        assertThat(refs(selected)).containsExactlyInAnyOrder(FLAVOR, KEY, IMAGE, NETWORK, PORT, VOLUME, WEB);
        assertThat(refs(selected).getLast()).isEqualTo(WEB);
        assertThat(refs(selected).indexOf(NETWORK)).isLessThan(refs(selected).indexOf(PORT));
    }

    @Test
    void entriesThatMatchNothing_areAllNamedAtOnce() {
        assertThatThrownBy(() -> select("servers:\n- name: nope\nvolumes:\n- name: gone\n"))
                .hasMessageContaining("server 'nope' not found")
                .hasMessageContaining("volume 'gone' not found")
                .hasMessageContaining("skylift query");
    }

    @Test
    void twoServersOfOneName_areRefused_namingEachAsTheInventoryReadsIt() {
        List<Resource> twins = List.of(Resource.of(ResourceRef.parse("server:demo/app~1f2e3d4c")), Resource.of(ResourceRef.parse("server:demo/app~9a8b7c6d")));

        assertThatThrownBy(() -> ExportSelection.select(ResourceFile.parse("servers:\n- name: app\n", "resources.yaml"), twins, "resources.yaml"))
                .hasMessageContaining("server 'app' is the name of 2 servers, read as app~1f2e3d4c and app~9a8b7c6d: name the one you mean that way");
    }

    @Test
    void nameInSeveralProjects_asksForTheProject() {
        assertThatThrownBy(() -> select("servers:\n- name: web\n"))
                .hasMessageContaining("server 'web' is in several projects (demo, admin)")
                .hasMessageContaining("add 'project:'");
    }

    @Test
    void saveState_marksTheResource() {
        List<Resource> selected = select("volumes:\n- name: data\n  save_state: true\n");

        assertThat(selected.getFirst().migration()).containsEntry("save_state", true);
    }

    @Test
    void keyName_replacesTheServersKeypair_andDropsTheOldOne() {
        List<Resource> selected = select("servers:\n- name: web\n  project: demo\n  key_name: other-key\n");

        Resource web = selected.stream().filter(r -> r.ref().equals(WEB)).findFirst().orElseThrow();
        assertThat(web.refs().get("keypair")).containsExactly(OTHER_KEY);
        assertThat(refs(selected)).contains(OTHER_KEY).doesNotContain(KEY);
    }

    @Test
    void keyName_ofAKeypairThatDoesNotExist_isRefused() {
        assertThatThrownBy(() -> select("servers:\n- name: web\n  project: demo\n  key_name: lost\n"))
                .hasMessageContaining("keypair 'lost' not found");
    }

    @Test
    void newName_renamesTheResourceAndEveryReferenceToIt() {
        List<Resource> selected = select("servers:\n- name: web\n  project: demo\nnetworks:\n- name: net\n  new_name: net-moved\n");

        assertThat(refs(selected)).contains(ResourceRef.parse("network:demo/net-moved")).doesNotContain(NETWORK);
        Resource port = selected.stream().filter(r -> r.ref().equals(PORT)).findFirst().orElseThrow();
        assertThat(port.refs().get("network")).containsExactly(ResourceRef.parse("network:demo/net-moved"));
    }

    @Test
    void unknownOption_isRefusedNamingTheKnownOnes() {
        assertThatThrownBy(() -> select("volumes:\n- name: data\n  save_sate: true\n"))
                .hasMessageContaining("unknown option 'save_sate' (known: key_name, new_name, save_state)");
    }

    @Test
    void keyNameOnAVolume_isRefused() {
        assertThatThrownBy(() -> select("volumes:\n- name: data\n  key_name: key\n")).hasMessageContaining("key_name is an option of servers");
    }
}
