package io.skylift.provider.openstack.client;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.skylift.provider.openstack.ApiReader;
import io.skylift.provider.openstack.ServiceType;
import java.io.InputStream;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Stream;

/**
 * A connection to one OpenStack cloud account: a Keystone v3 token, replaced before it expires
 * and once more when a service refuses it, and calls to the services in its catalog.
 *
 * <p>Paths follow {@link ServiceEndpoint}'s convention: {@code /servers/detail} (compute),
 * {@code /volumes/detail} (block storage), {@code /v2/images} (image), {@code /v2.0/ports} (network).
 *
 * <p>Idempotent calls (GET, PUT, DELETE) are repeated after HTTP 5xx, 429 and dropped connections,
 * as the {@link RetryPolicy} says; POST is never repeated, except once after a refused token,
 * which proves the service did not act on it. Every failure is a
 * {@link io.skylift.spi.SkyliftException} naming the method, URL, HTTP status and request id.
 * Tokens and passwords never appear in messages or logs; requests are logged at DEBUG as method,
 * URL, status and request id, without headers.
 */
public interface OpenStackClient extends ApiReader, AutoCloseable {

    static Builder builder(URI authUrl, Credential credential) {
        return new Builder(authUrl, credential);
    }

    /** Authenticates if no valid token is at hand, and says who we are. */
    Session session();

    /** How many tokens this client has obtained: one at the start, one more per refresh. */
    int authentications();

    /** The endpoint a service's paths are appended to. */
    ServiceEndpoint endpoint(ServiceType service);

    /**
     * The pages of a collection, fetched lazily one by one, following {@code <collectionKey>_links}
     * (Nova, Cinder, Neutron), Glance's {@code next}, Keystone's {@code links.next}, or else
     * {@code marker=<last id>} while a page with {@code limit=N} comes back full.
     */
    Stream<List<JsonNode>> pages(ServiceType service, String path, String collectionKey);

    /** Creates something; never repeated, since a second POST may create a second thing. */
    JsonNode post(ServiceType service, String path, JsonNode body);

    JsonNode put(ServiceType service, String path, JsonNode body);

    void delete(ServiceType service, String path);

    /**
     * A response body as a stream, such as an image's data from {@code /v2/images/ID/file}. The
     * caller closes it; the body is never held in memory.
     */
    InputStream download(ServiceType service, String path);

    /**
     * Like {@link #download(ServiceType, String)} from byte {@code offset} on: asks with
     * {@code Range: bytes=<offset>-} when {@code offset > 0}. A service that ignores ranges
     * answers 200 with the whole body, which {@link RangedDownload#offset()} then says (0).
     * This default never asks for a range, so it is always right, if slower after an interruption.
     */
    default RangedDownload download(ServiceType service, String path, long offset) {
        return new RangedDownload(download(service, path), 0);
    }

    /**
     * Sends a body by PUT as it is read, such as an image's data to {@code /v2/images/ID/file}:
     * with a Content-Length when {@code length} is known, else chunked. Never repeated, since the
     * stream cannot be read twice; the token is refreshed before the upload starts.
     */
    void upload(ServiceType service, String path, InputStream body, OptionalLong length, String contentType);

    @Override
    void close();

    /** How to reach and authenticate; every setting but the URL and credential has a default. */
    final class Builder {
        final URI authUrl;
        final Credential credential;
        Optional<Scope> scope = Optional.empty();
        Optional<String> region = Optional.empty();
        EndpointInterface endpointInterface = EndpointInterface.PUBLIC;
        TlsTrust tlsTrust = TlsTrust.system();
        RetryPolicy retryPolicy = RetryPolicy.standard();
        Clock clock = Clock.systemUTC();
        Sleeper sleeper = Sleeper.system();
        Duration connectTimeout = Duration.ofSeconds(10);
        Duration requestTimeout = Duration.ofSeconds(120);
        String origin = "the connection settings";

        private Builder(URI authUrl, Credential credential) {
            this.authUrl = requireNonNull(authUrl, "authUrl is null");
            this.credential = requireNonNull(credential, "credential is null");
        }

        public Builder scope(Scope scope) {
            this.scope = Optional.of(requireNonNull(scope, "scope is null"));
            return this;
        }

        public Builder region(String region) {
            this.region = Optional.of(requireNonNull(region, "region is null"));
            return this;
        }

        public Builder endpointInterface(EndpointInterface endpointInterface) {
            this.endpointInterface = requireNonNull(endpointInterface, "endpointInterface is null");
            return this;
        }

        public Builder tlsTrust(TlsTrust tlsTrust) {
            this.tlsTrust = requireNonNull(tlsTrust, "tlsTrust is null");
            return this;
        }

        public Builder retryPolicy(RetryPolicy retryPolicy) {
            this.retryPolicy = requireNonNull(retryPolicy, "retryPolicy is null");
            return this;
        }

        /** The clock that decides when a token is old; tests pass a fake one. */
        public Builder clock(Clock clock) {
            this.clock = requireNonNull(clock, "clock is null");
            return this;
        }

        public Builder sleeper(Sleeper sleeper) {
            this.sleeper = requireNonNull(sleeper, "sleeper is null");
            return this;
        }

        public Builder connectTimeout(Duration connectTimeout) {
            this.connectTimeout = requirePositive(connectTimeout, "connectTimeout");
            return this;
        }

        /** How long to wait for the answer to a call; uploads have none, since disks take long. */
        public Builder requestTimeout(Duration requestTimeout) {
            this.requestTimeout = requirePositive(requestTimeout, "requestTimeout");
            return this;
        }

        /** Where the credentials came from, for messages: {@code clouds.yaml entry skylift-src}. */
        public Builder origin(String origin) {
            this.origin = requireNonNull(origin, "origin is null");
            return this;
        }

        /** A client; nothing is sent before its first call. */
        public OpenStackClient build() {
            return new HttpOpenStackClient(this);
        }

        private static Duration requirePositive(Duration value, String name) {
            requireNonNull(value, name + " is null");
            if (value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException(name + " must be positive: " + value);
            }
            return value;
        }
    }
}
