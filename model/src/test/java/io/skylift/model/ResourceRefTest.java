package io.skylift.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ResourceRefTest {

    @Test
    void toString_includesOwnerForProjectScopedType() {
        assertThat(ResourceRef.of(ResourceType.NETWORK, "demo", "private")).hasToString("network:demo/private");
    }

    @Test
    void toString_omitsOwnerForGlobalType() {
        assertThat(ResourceRef.global(ResourceType.FLAVOR, "m1.tiny")).hasToString("flavor:m1.tiny");
    }

    @Test
    void toString_usesUserAsOwnerOfKeypair() {
        assertThat(ResourceRef.of(ResourceType.KEYPAIR, "alice", "laptop")).hasToString("keypair:alice/laptop");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "network:demo/private",
        "flavor:m1.tiny",
        "keypair:alice/laptop",
        "image:demo/ubuntu/24.04",
        "volume:demo/data: 2024",
        "flavor:gpu/large",
        "role_assignment:demo/alice/member",
        "flavor_access:demo/gpu/large",
        "server:demo/ web ",
    })
    void parse_readsBackStringForm(String text) {
        assertThat(ResourceRef.parse(text)).hasToString(text);
    }

    @Test
    void parse_splitsOwnerAtFirstSlashOnly() {
        ResourceRef ref = ResourceRef.parse("image:demo/ubuntu/24.04");

        assertThat(ref.type()).isEqualTo(ResourceType.IMAGE);
        assertThat(ref.owner()).isEqualTo("demo");
        assertThat(ref.name()).isEqualTo("ubuntu/24.04");
    }

    @Test
    void parse_takesWholeRestAsNameForGlobalType() {
        ResourceRef ref = ResourceRef.parse("flavor:gpu/large");

        assertThat(ref.owner()).isNull();
        assertThat(ref.name()).isEqualTo("gpu/large");
    }

    @Test
    void parse_rejectsTextWithoutTypeShowingBothForms() {
        assertThatThrownBy(() -> ResourceRef.parse("private"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("invalid resource reference 'private': expected type:<project>/<name> such as"
                        + " network:demo/private, or type:<name> for a global type such as flavor:m1.tiny");
    }

    @Test
    void parse_rejectsUnknownTypeNamingIt() {
        assertThatThrownBy(() -> ResourceRef.parse("netwrok:demo/private"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("invalid resource reference 'netwrok:demo/private': unknown resource type 'netwrok'")
                .hasMessageContaining("network");
    }

    @Test
    void parse_rejectsProjectScopedTypeWithoutOwner() {
        assertThatThrownBy(() -> ResourceRef.parse("network:private"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("invalid resource reference 'network:private': network has an owner;"
                        + " expected network:<project>/<name>");
    }

    @Test
    void parse_rejectsKeypairWithoutUser() {
        assertThatThrownBy(() -> ResourceRef.parse("keypair:laptop"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageEndingWith("expected keypair:<user>/<name>");
    }

    @ParameterizedTest
    @ValueSource(strings = {"network:demo/", "network:/private", "network: /private", "flavor:", "server:demo/a\nb"})
    void parse_rejectsBlankOrControlCharacterPartsQuotingInput(String text) {
        assertThatThrownBy(() -> ResourceRef.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("invalid resource reference '" + text + "': ");
    }

    @Test
    void constructor_rejectsOwnerForGlobalType() {
        assertThatThrownBy(() -> ResourceRef.of(ResourceType.FLAVOR, "demo", "m1.tiny"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("flavor is global and takes no owner, but owner is 'demo'; expected flavor:<name>");
    }

    @Test
    void constructor_rejectsMissingOwnerForScopedType() {
        assertThatThrownBy(() -> ResourceRef.global(ResourceType.SERVER, "web"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("server needs an owner; expected server:<project>/<name>");
    }

    @Test
    void constructor_rejectsSlashInOwner() {
        assertThatThrownBy(() -> ResourceRef.of(ResourceType.SERVER, "a/b", "web"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("owner 'a/b' contains '/'");
    }

    @Test
    void constructor_rejectsNullTypeAndName() {
        assertThatThrownBy(() -> new ResourceRef(null, "demo", "x")).hasMessage("type is null");
        assertThatThrownBy(() -> new ResourceRef(ResourceType.SERVER, "demo", null)).hasMessage("name is null");
    }

    @Test
    void equals_comparesByValue() {
        assertThat(ResourceRef.parse("network:demo/private"))
                .isEqualTo(ResourceRef.of(ResourceType.NETWORK, "demo", "private"))
                .isNotEqualTo(ResourceRef.of(ResourceType.NETWORK, "other", "private"));
    }

    @Test
    void compareTo_ordersByTypeThenOwnerThenName() {
        List<ResourceRef> expected = List.of(
                ResourceRef.parse("project:demo"),
                ResourceRef.parse("flavor:m1.small"),
                ResourceRef.parse("flavor:m1.tiny"),
                ResourceRef.parse("network:admin/public"),
                ResourceRef.parse("network:demo/a"),
                ResourceRef.parse("network:demo/b"),
                ResourceRef.parse("server:demo/web"));
        List<ResourceRef> shuffled = new ArrayList<>(expected);
        Collections.reverse(shuffled);

        Collections.sort(shuffled);

        assertThat(shuffled).isEqualTo(expected);
    }
}
