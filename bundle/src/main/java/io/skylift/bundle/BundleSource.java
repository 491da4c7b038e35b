package io.skylift.bundle;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * Where a bundle was exported from, for the operator and the report.
 *
 * @param endpoint the stored endpoint's name
 * @param provider its provider, such as {@code openstack}
 * @param project  the project it was scoped to, or the empty string
 */
@JsonPropertyOrder({"endpoint", "provider", "project"})
public record BundleSource(String endpoint, String provider, String project) {

    public BundleSource {
        requireNonNull(endpoint, "endpoint is null");
        requireNonNull(provider, "provider is null");
        requireNonNull(project, "project is null");
    }
}
