package io.skylift.provider.openstack.client;

import static java.util.Objects.requireNonNull;

import io.skylift.provider.openstack.ServiceType;
import java.net.URI;
import java.util.regex.Pattern;

/**
 * One service's endpoint and the path convention of {@link io.skylift.provider.openstack.ApiReader}:
 * a path is appended to the catalog URL as Keystone gives it (project id already substituted),
 * except that the image and network services are called with the API version in the path
 * ({@code /v2/images}, {@code /v2.0/ports}), because most clouds register them without one and
 * Glance's own {@code next} links carry it; a version those catalog URLs do end in is dropped.
 * Compute ({@code .../v2.1}), block storage ({@code .../v3/<project>}), identity ({@code .../v3})
 * and placement take paths after their versioned URL: {@code /servers/detail}, {@code /volumes/detail}.
 */
public record ServiceEndpoint(ServiceType service, URI url) {

    private static final Pattern TRAILING_VERSION = Pattern.compile("/v\\d+(\\.\\d+)?/*$");

    public ServiceEndpoint {
        requireNonNull(service, "service is null");
        requireNonNull(url, "url is null");
        if (!url.isAbsolute()) {
            throw new IllegalArgumentException("endpoint URL is not absolute: " + url);
        }
    }

    /** The URL paths are appended to. */
    public String base() {
        String text = url.toString();
        if (service == ServiceType.IMAGE || service == ServiceType.NETWORK) {
            text = TRAILING_VERSION.matcher(text).replaceFirst("");
        }
        while (text.endsWith("/")) {
            text = text.substring(0, text.length() - 1);
        }
        return text;
    }

    /** The URL of a path and query such as {@code /servers/detail?limit=100}. */
    public URI resolve(String path) {
        requireNonNull(path, "path is null");
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("path must start with '/': " + path);
        }
        return URI.create(base() + path);
    }

    /**
     * Where a link the service returned points, on this endpoint: a relative link (Glance's
     * {@code /v2/images?marker=...}) is appended to the base, and an absolute one keeps its path and
     * query but takes this endpoint's scheme, host and port, because services behind a proxy often
     * build links with their internal address.
     */
    public URI follow(String href) {
        URI link = URI.create(href);
        if (!link.isAbsolute()) {
            return resolve(href.startsWith("/") ? href : "/" + href);
        }
        if (link.getScheme().equals(url.getScheme()) && link.getRawAuthority().equals(url.getRawAuthority())) {
            return link;
        }
        String query = link.getRawQuery() == null ? "" : "?" + link.getRawQuery();
        return URI.create(url.getScheme() + "://" + url.getRawAuthority() + link.getRawPath() + query);
    }
}
