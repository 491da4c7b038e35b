package io.skylift.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.skylift.model.ResourceQuery.Attribute;
import io.skylift.model.ResourceQuery.Filter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ResourceQueryTest {

    private static final Resource TINY_WEB = server("tiny-web", "m1.tiny");
    private static final Resource BIG_WEB = server("big-web", "m1.large");
    private static final Resource TINY_DB = server("tiny-db", "m1.tiny");
    private static final Resource DATA = Resource.of(ResourceRef.of(ResourceType.VOLUME, "demo", "tiny-data"));
    private static final List<Resource> INVENTORY = List.of(TINY_WEB, BIG_WEB, TINY_DB, DATA);

    @Test
    void select_byServerName_picksOnlyServersThatMatch() {
        ResourceQuery query = new ResourceQuery(List.of(filter(ResourceType.SERVER, Attribute.NAME, "*tiny*")), Map.of());

        assertThat(query.select(INVENTORY)).extracting(Selection::name).containsExactly("tiny-db", "tiny-web");
    }

    @Test
    void select_nameAndFlavor_mustBothMatch() {
        ResourceQuery query = new ResourceQuery(List.of(
                filter(ResourceType.SERVER, Attribute.NAME, "*web"),
                filter(ResourceType.SERVER, Attribute.FLAVOR, "m1.t?ny")), Map.of());

        assertThat(query.select(INVENTORY)).extracting(Selection::name).containsExactly("tiny-web");
    }

    @Test
    void select_patternsOnOneAttribute_areAlternatives() {
        ResourceQuery query = new ResourceQuery(List.of(
                filter(ResourceType.SERVER, Attribute.NAME, "big-*"),
                filter(ResourceType.SERVER, Attribute.NAME, "tiny-db")), Map.of());

        assertThat(query.select(INVENTORY)).extracting(Selection::name).containsExactly("big-web", "tiny-db");
    }

    @Test
    void select_putsOptionsAndOwnerIntoEverySelection() {
        ResourceQuery query = new ResourceQuery(List.of(
                filter(ResourceType.VOLUME, Attribute.NAME, "*"),
                filter(ResourceType.SERVER, Attribute.NAME, "big-web")), Map.of("save_state", true));

        assertThat(query.select(INVENTORY)).containsExactly(
                new Selection(ResourceType.VOLUME, "demo", "tiny-data", Map.of("save_state", true)),
                new Selection(ResourceType.SERVER, "demo", "big-web", Map.of("save_state", true)));
    }

    @Test
    void select_withoutFilters_picksNothing() {
        assertThat(new ResourceQuery(List.of(), Map.of()).select(INVENTORY)).isEmpty();
    }

    @Test
    void glob_isLiteralApartFromWildcards() {
        assertThat(new Glob("m1.tiny").matches("m1xtiny")).isFalse();
        assertThat(new Glob("a+b(c)").matches("a+b(c)")).isTrue();
        assertThat(new Glob("web-?").matches("web-12")).isFalse();
        assertThat(new Glob("*").matches("")).isTrue();
    }

    @Test
    void filter_flavorOnVolume_isRejected() {
        assertThatThrownBy(() -> filter(ResourceType.VOLUME, Attribute.FLAVOR, "*"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("only servers have a flavor, not volume");
    }

    private static Filter filter(ResourceType type, Attribute attribute, String pattern) {
        return new Filter(type, attribute, new Glob(pattern));
    }

    private static Resource server(String name, String flavor) {
        return Resource.of(ResourceRef.of(ResourceType.SERVER, "demo", name))
                .withRefs(Map.of("flavor", List.of(ResourceRef.global(ResourceType.FLAVOR, flavor))));
    }
}
