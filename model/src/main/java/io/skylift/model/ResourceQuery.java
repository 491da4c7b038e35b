package io.skylift.model;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Picks resources from an inventory by wildcard patterns, as {@code skylift query} does:
 * {@code --server-name '*web*' --server-flavor 'skylift.*'} picks servers whose name matches
 * the first pattern and whose flavor matches the second. Several patterns for one attribute
 * are alternatives; patterns for different attributes must all match. Types no pattern names
 * are not picked.
 *
 * @param filters what to match
 * @param options put into every selection made, such as {@code save_state: true}
 */
public record ResourceQuery(List<Filter> filters, Map<String, Object> options) {

    /** The attributes a filter can look at. */
    public enum Attribute {
        /** The resource's own name. */
        NAME,
        /** The name of the flavor a server refers to. */
        FLAVOR
    }

    /** One pattern on one attribute of one type. */
    public record Filter(ResourceType type, Attribute attribute, Glob pattern) {
        public Filter {
            requireNonNull(type, "type is null");
            requireNonNull(attribute, "attribute is null");
            requireNonNull(pattern, "pattern is null");
            if (attribute == Attribute.FLAVOR && type != ResourceType.SERVER) {
                throw new IllegalArgumentException("only servers have a flavor, not " + type);
            }
        }

        boolean matches(Resource resource) {
            return switch (attribute) {
                case NAME -> pattern.matches(resource.ref().name());
                case FLAVOR -> resource.refs().getOrDefault("flavor", List.of()).stream()
                        .anyMatch(flavor -> pattern.matches(flavor.name()));
            };
        }
    }

    public ResourceQuery {
        filters = List.copyOf(requireNonNull(filters, "filters is null"));
        options = ImmutableTree.copyOf("options", options);
    }

    /** The resources that match, in reference order, as resource-file entries with their owners. */
    public List<Selection> select(Collection<Resource> inventory) {
        Map<ResourceType, Map<Attribute, List<Filter>>> byType = new LinkedHashMap<>();
        for (Filter filter : filters) {
            byType.computeIfAbsent(filter.type(), _ -> new LinkedHashMap<>())
                    .computeIfAbsent(filter.attribute(), _ -> new ArrayList<>())
                    .add(filter);
        }
        return inventory.stream()
                .filter(resource -> Optional.ofNullable(byType.get(resource.ref().type()))
                        .map(attributes -> attributes.values().stream()
                                .allMatch(alternatives -> alternatives.stream().anyMatch(filter -> filter.matches(resource))))
                        .orElse(false))
                .map(Resource::ref)
                .sorted()
                .map(ref -> new Selection(ref.type(), ref.owner(), ref.name(), options))
                .toList();
    }
}
