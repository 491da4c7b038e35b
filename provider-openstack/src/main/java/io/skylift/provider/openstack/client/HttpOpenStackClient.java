package io.skylift.provider.openstack.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.skylift.provider.openstack.ServiceType;
import io.skylift.spi.ErrorCode;
import io.skylift.spi.SkyliftException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@link OpenStackClient} on the JDK's HTTP client. */
final class HttpOpenStackClient implements OpenStackClient {

    private static final Logger LOG = LoggerFactory.getLogger(OpenStackClient.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int ERROR_BODY_LIMIT = 64 * 1024;
    private static final String USER_AGENT = "skylift";

    /** When a call may be sent again. */
    private enum Repeat {
        /** Idempotent: after transient failures and once after a refused token. */
        SAFE,
        /** Only after a refused token, which proves the service did nothing. */
        AFTER_REFUSED_TOKEN,
        /** The body cannot be sent twice. */
        NEVER
    }

    /** Turns a successful response into the caller's value; may read the body. */
    @FunctionalInterface
    private interface ResponseReader<T> {
        T read(HttpResponse<InputStream> response) throws IOException;
    }

    private final HttpClient http;
    private final URI authBase;
    private final Credential credential;
    private final Optional<Scope> scope;
    private final Optional<String> region;
    private final EndpointInterface endpointInterface;
    private final RetryPolicy retryPolicy;
    private final Clock clock;
    private final Sleeper sleeper;
    private final Duration requestTimeout;
    private final String origin;
    private final ReentrantLock tokenLock = new ReentrantLock();
    private final AtomicInteger authentications = new AtomicInteger();
    private volatile Token token;

    HttpOpenStackClient(OpenStackClient.Builder settings) {
        this.authBase = identityBase(settings.authUrl);
        this.credential = settings.credential;
        this.scope = settings.scope;
        this.region = settings.region;
        this.endpointInterface = settings.endpointInterface;
        this.retryPolicy = settings.retryPolicy;
        this.clock = settings.clock;
        this.sleeper = settings.sleeper;
        this.requestTimeout = settings.requestTimeout;
        this.origin = settings.origin;
        this.http = HttpClient.newBuilder()
                // HTTP/1.1 only: on plain http the JDK would offer an h2c upgrade, which uwsgi and eventlet mishandle.
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(settings.connectTimeout)
                .followRedirects(HttpClient.Redirect.NORMAL)
                .sslContext(settings.tlsTrust.sslContext())
                .build();
    }

    /** Keystone v3's root: {@code http://host:5000/v3}, whether or not the auth URL names the version. */
    private static URI identityBase(URI authUrl) {
        String text = authUrl.toString();
        while (text.endsWith("/")) {
            text = text.substring(0, text.length() - 1);
        }
        if (text.matches(".*/v2(\\.0)?$")) {
            throw new SkyliftException(ErrorCode.INVALID_INPUT,
                    "auth_url " + authUrl + " is Keystone v2, which Skylift does not speak: use the v3 URL, such as " + text.replaceAll("/v2(\\.0)?$", "/v3"));
        }
        if (!text.matches(".*/v3$")) {
            text = text + "/v3";
        }
        if (!authUrl.isAbsolute()) {
            throw new SkyliftException(ErrorCode.INVALID_INPUT, "auth_url " + authUrl + " is not an absolute URL: use one such as http://keystone:5000/v3");
        }
        return URI.create(text);
    }

    // ---- tokens

    @Override
    public Session session() {
        return currentToken().session();
    }

    @Override
    public int authentications() {
        return authentications.get();
    }

    private Token currentToken() {
        Token current = token;
        if (current != null && !current.needsRefresh(clock.instant())) {
            return current;
        }
        return replaceToken(current);
    }

    /** Issues a new token unless another thread already replaced {@code stale}. */
    private Token replaceToken(Token stale) {
        tokenLock.lock();
        try {
            Token current = token;
            if (current != null && current != stale && !current.needsRefresh(clock.instant())) {
                return current;
            }
            token = issueToken();
            authentications.incrementAndGet();
            return token;
        } finally {
            tokenLock.unlock();
        }
    }

    private Token issueToken() {
        ObjectNode request = JSON.createObjectNode();
        ObjectNode auth = request.putObject("auth");
        auth.set("identity", credential.identity());
        if (credential instanceof Credential.Password) {
            scope.ifPresent(s -> auth.set("scope", s.toJson()));
        }
        byte[] body = bytes(request);
        URI uri = URI.create(authBase + "/auth/tokens");
        for (int attempt = 1; ; attempt++) {
            HttpRequest httpRequest = HttpRequest.newBuilder(uri)
                    .timeout(requestTimeout)
                    .header("Content-Type", "application/json")
                    .header("Accept", "application/json")
                    .header("User-Agent", USER_AGENT)
                    .POST(BodyPublishers.ofByteArray(body))
                    .build();
            HttpResponse<InputStream> response;
            Instant sent = clock.instant();
            try {
                response = http.send(httpRequest, BodyHandlers.ofInputStream());
            } catch (IOException e) {
                LOG.debug("POST {} failed: {}", uri, e.toString());
                // Issuing a token changes nothing, so unlike other POSTs it is safe to repeat.
                if (attempt < retryPolicy.maxAttempts()) {
                    pause(retryPolicy.backoff(attempt, ThreadLocalRandom.current()::nextDouble), "POST", uri);
                    continue;
                }
                throw HttpFailure.ofIo("Keystone", "POST", uri, e, attempt);
            } catch (InterruptedException e) {
                throw interrupted("POST", uri, e);
            }
            int status = response.statusCode();
            Optional<String> requestId = requestId(response.headers());
            LOG.debug("POST {} -> {} {}", uri, status, requestId.orElse("-"));
            if (status == 201 || status == 200) {
                return readToken(response, uri, sent);
            }
            String cloudMessage = CloudErrorMessage.of(readErrorBody(response));
            if (status == 401 || status == 404 && cloudMessage.toLowerCase(java.util.Locale.ROOT).contains("could not find")) {
                throw new SkyliftException(ErrorCode.AUTHENTICATION_FAILED, "Keystone at " + authBase + " refused " + credential.describe()
                        + " (HTTP " + status + requestId.map(id -> ", request " + id).orElse("")
                        + (cloudMessage.isEmpty() ? "" : ": " + cloudMessage) + "): " + credential.fix() + " (" + origin + ")");
            }
            if (status == 400) {
                throw new SkyliftException(ErrorCode.INVALID_INPUT, "Keystone at " + authBase + " rejected the authentication request for "
                        + credential.describe() + " (HTTP 400" + requestId.map(id -> ", request " + id).orElse("")
                        + (cloudMessage.isEmpty() ? "" : ": " + cloudMessage) + "): check the connection settings (" + origin + ")");
            }
            HttpFailure failure = new HttpFailure("Keystone", "POST", uri, status, requestId, cloudMessage,
                    RetryAfter.parse(response.headers().firstValue("Retry-After"), clock));
            Optional<Duration> wait = retryWait(failure, attempt);
            if (wait.isEmpty()) {
                throw failure.toException(attempt);
            }
            pause(wait.get(), "POST", uri);
        }
    }

    private Token readToken(HttpResponse<InputStream> response, URI uri, Instant sent) {
        JsonNode body;
        try (InputStream in = response.body()) {
            body = JSON.readTree(in);
        } catch (IOException e) {
            throw new SkyliftException(ErrorCode.CLOUD_UNAVAILABLE, "Keystone at " + authBase + " sent a token that is not JSON: " + e.getMessage(), e);
        }
        String value = response.headers().firstValue("X-Subject-Token").orElseThrow(() -> new SkyliftException(ErrorCode.CLOUD_REJECTED,
                "Keystone answered POST " + uri + " without an X-Subject-Token header"));
        JsonNode token = body.path("token");
        List<String> roles = new ArrayList<>();
        token.path("roles").forEach(role -> roles.add(role.path("name").asText()));
        Session session = new Session(
                token.path("user").path("id").asText(),
                token.path("user").path("name").asText(),
                namedId(token.path("project")),
                namedId(token.path("domain")),
                roles,
                keystoneTime(token.path("issued_at").asText()),
                keystoneTime(token.path("expires_at").asText()),
                ServiceCatalog.fromKeystone(token.path("catalog")));
        return Token.received(value, session, sent);
    }

    /**
     * A time in a token, which Keystone keeps in UTC: {@code 2026-12-02T06:18:35.000000Z} as a
     * rule, but a token cut short by its application credential's expiry carries that expiry as
     * stored, {@code 2026-12-02T06:18:35}, without the zone.
     */
    static Instant keystoneTime(String text) {
        try {
            return Instant.parse(text);
        }
        catch (DateTimeParseException e) {
            return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
        }
    }

    private static Optional<Session.NamedId> namedId(JsonNode node) {
        return node.isObject() ? Optional.of(new Session.NamedId(node.path("id").asText(), node.path("name").asText())) : Optional.empty();
    }

    // ---- calls

    @Override
    public ServiceEndpoint endpoint(ServiceType service) {
        return session().catalog().endpoint(service, endpointInterface, region);
    }

    @Override
    public JsonNode get(ServiceType service, String path) {
        return call("GET", service, endpoint -> endpoint.resolve(path), Optional.empty(), Repeat.SAFE, HttpOpenStackClient::readJson);
    }

    @Override
    public List<JsonNode> list(ServiceType service, String path, String collectionKey) {
        try (Stream<List<JsonNode>> pages = pages(service, path, collectionKey)) {
            return pages.flatMap(List::stream).toList();
        }
    }

    @Override
    public Stream<List<JsonNode>> pages(ServiceType service, String path, String collectionKey) {
        Iterator<List<JsonNode>> pages = new Iterator<>() {
            private Optional<Function<ServiceEndpoint, URI>> next = Optional.of(endpoint -> endpoint.resolve(path));
            private final Set<String> seen = new HashSet<>();

            @Override
            public boolean hasNext() {
                return next.isPresent();
            }

            @Override
            public List<JsonNode> next() {
                Function<ServiceEndpoint, URI> target = next.orElseThrow(NoSuchElementException::new);
                URI[] fetched = new URI[1];
                JsonNode body = call("GET", service, endpoint -> fetched[0] = target.apply(endpoint), Optional.empty(), Repeat.SAFE,
                        HttpOpenStackClient::readJson);
                seen.add(fetched[0].toString());
                JsonNode items = body.get(collectionKey);
                if (items == null || !items.isArray()) {
                    throw new SkyliftException(ErrorCode.INTERNAL, ServiceNames.of(service) + " answered GET " + fetched[0]
                            + " without a '" + collectionKey + "' array (keys there: " + fieldNames(body) + ")");
                }
                List<JsonNode> page = new ArrayList<>(items.size());
                items.forEach(page::add);
                Optional<String> link = NextPage.find(body, collectionKey, fetched[0], page);
                next = link.map(href -> endpoint -> {
                    URI followed = endpoint.follow(href);
                    if (seen.contains(followed.toString())) {
                        throw new SkyliftException(ErrorCode.CLOUD_REJECTED, ServiceNames.of(service) + " pointed to page " + followed
                                + " twice while listing " + path + ": stopped instead of looping; the service's paging is broken");
                    }
                    return followed;
                });
                return List.copyOf(page);
            }
        };
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(pages, Spliterator.ORDERED | Spliterator.NONNULL), false);
    }

    @Override
    public JsonNode post(ServiceType service, String path, JsonNode body) {
        return call("POST", service, endpoint -> endpoint.resolve(path), Optional.of(jsonBody(body)), Repeat.AFTER_REFUSED_TOKEN,
                HttpOpenStackClient::readJson);
    }

    @Override
    public JsonNode put(ServiceType service, String path, JsonNode body) {
        return call("PUT", service, endpoint -> endpoint.resolve(path), Optional.of(jsonBody(body)), Repeat.SAFE, HttpOpenStackClient::readJson);
    }

    @Override
    public void delete(ServiceType service, String path) {
        call("DELETE", service, endpoint -> endpoint.resolve(path), Optional.empty(), Repeat.SAFE, HttpOpenStackClient::readJson);
    }

    @Override
    public InputStream download(ServiceType service, String path) {
        return call("GET", service, endpoint -> endpoint.resolve(path), Optional.empty(), Repeat.SAFE, HttpResponse::body);
    }

    @Override
    public RangedDownload download(ServiceType service, String path, long offset) {
        if (offset < 0) {
            throw new IllegalArgumentException("offset is negative: " + offset);
        }
        if (offset == 0) {
            return new RangedDownload(download(service, path), 0);
        }
        return call("GET", service, endpoint -> endpoint.resolve(path), Optional.empty(), Repeat.SAFE,
                Map.of("Range", "bytes=" + offset + "-"), response -> rangedBody(response, service, offset));
    }

    /** The body of a ranged GET: 206 must start where it was asked to, 200 starts at 0. */
    private static RangedDownload rangedBody(HttpResponse<InputStream> response, ServiceType service, long offset) throws IOException {
        if (response.statusCode() != 206) {
            return new RangedDownload(response.body(), 0);
        }
        Optional<String> range = response.headers().firstValue("Content-Range");
        long start = range.map(value -> value.replaceFirst("^bytes\\s+(\\d+)-.*$", "$1")).filter(value -> value.matches("\\d+"))
                .map(Long::parseLong).orElse(offset);
        if (start != offset) {
            response.body().close();
            throw new SkyliftException(ErrorCode.CLOUD_REJECTED, ServiceNames.of(service) + " answered GET " + response.uri()
                    + " from byte " + offset + " with Content-Range " + range.orElse("") + ": read the whole file instead (offset 0)");
        }
        return new RangedDownload(response.body(), offset);
    }

    @Override
    public void upload(ServiceType service, String path, InputStream body, OptionalLong length, String contentType) {
        Supplier<BodyPublisher> publisher = () -> length.isPresent()
                ? BodyPublishers.fromPublisher(BodyPublishers.ofInputStream(() -> body), length.getAsLong())
                : BodyPublishers.ofInputStream(() -> body);
        call("PUT", service, endpoint -> endpoint.resolve(path), Optional.of(new RequestBody(publisher, contentType)), Repeat.NEVER,
                HttpOpenStackClient::readJson);
    }

    /** A request body that can be published again for a repeated request, unless the call is {@link Repeat#NEVER}. */
    private record RequestBody(Supplier<BodyPublisher> publisher, String contentType) {}

    private static RequestBody jsonBody(JsonNode body) {
        byte[] bytes = bytes(body);
        return new RequestBody(() -> BodyPublishers.ofByteArray(bytes), "application/json");
    }

    private <T> T call(String method, ServiceType service, Function<ServiceEndpoint, URI> target, Optional<RequestBody> body, Repeat repeat,
            ResponseReader<T> reader) {
        return call(method, service, target, body, repeat, Map.of(), reader);
    }

    private <T> T call(String method, ServiceType service, Function<ServiceEndpoint, URI> target, Optional<RequestBody> body, Repeat repeat,
            Map<String, String> headers, ResponseReader<T> reader) {
        String serviceName = ServiceNames.of(service);
        boolean refusedOnce = false;
        for (int attempt = 1; ; ) {
            Token current = currentToken();
            URI uri = target.apply(current.session().catalog().endpoint(service, endpointInterface, region));
            HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                    .method(method, body.map(b -> b.publisher().get()).orElse(BodyPublishers.noBody()))
                    .header("X-Auth-Token", current.value())
                    .header("Accept", "application/json, */*")
                    .header("User-Agent", USER_AGENT);
            body.ifPresent(b -> request.header("Content-Type", b.contentType()));
            headers.forEach(request::header);
            service.microversion().ifPresent(version -> request.header("OpenStack-API-Version", version));
            if (repeat != Repeat.NEVER) {
                // An upload's timeout would cut a disk short; other answers come within minutes.
                request.timeout(requestTimeout);
            }
            long started = System.nanoTime();
            HttpResponse<InputStream> response;
            try {
                response = http.send(request.build(), BodyHandlers.ofInputStream());
            } catch (IOException e) {
                LOG.debug("{} {} failed: {}", method, uri, e.toString());
                if (repeat == Repeat.SAFE && attempt < retryPolicy.maxAttempts()) {
                    pause(retryPolicy.backoff(attempt, ThreadLocalRandom.current()::nextDouble), method, uri);
                    attempt++;
                    continue;
                }
                throw HttpFailure.ofIo(serviceName, method, uri, e, attempt);
            } catch (InterruptedException e) {
                throw interrupted(method, uri, e);
            }
            int status = response.statusCode();
            Optional<String> requestId = requestId(response.headers());
            LOG.debug("{} {} -> {} {} in {} ms", method, uri, status, requestId.orElse("-"), (System.nanoTime() - started) / 1_000_000);
            if (status < 400) {
                try {
                    return reader.read(response);
                } catch (JsonProcessingException e) {
                    throw new SkyliftException(ErrorCode.CLOUD_UNAVAILABLE, serviceName + " answered " + method + " " + uri + " (HTTP " + status
                            + requestId.map(id -> ", request " + id).orElse("") + ") with a body that is not JSON: " + e.getOriginalMessage(), e);
                } catch (IOException e) {
                    if (repeat == Repeat.SAFE && attempt < retryPolicy.maxAttempts()) {
                        pause(retryPolicy.backoff(attempt, ThreadLocalRandom.current()::nextDouble), method, uri);
                        attempt++;
                        continue;
                    }
                    throw HttpFailure.ofIo(serviceName, method, uri, e, attempt);
                }
            }
            String cloudMessage = CloudErrorMessage.of(readErrorBody(response));
            if (status == 401 && !refusedOnce && repeat != Repeat.NEVER) {
                // The token expired early or was revoked: one fresh token, one more try.
                LOG.debug("{} {} refused the token; authenticating again", method, uri);
                refusedOnce = true;
                replaceToken(current);
                continue;
            }
            HttpFailure failure = new HttpFailure(serviceName, method, uri, status, requestId, cloudMessage,
                    RetryAfter.parse(response.headers().firstValue("Retry-After"), clock));
            Optional<Duration> wait = repeat == Repeat.SAFE ? retryWait(failure, attempt) : Optional.empty();
            if (wait.isEmpty()) {
                throw failure.toException(attempt);
            }
            pause(wait.get(), method, uri);
            attempt++;
        }
    }

    /** How long to wait before repeating, or empty to give up: not transient, out of attempts, or asked to wait too long. */
    private Optional<Duration> retryWait(HttpFailure failure, int attempt) {
        if (!failure.isTransient() || attempt >= retryPolicy.maxAttempts()) {
            return Optional.empty();
        }
        if (failure.retryAfter().isPresent()) {
            // A Retry-After beyond maxDelay is the orchestrator's to wait for, not a blocked thread's.
            return failure.retryAfter().filter(wait -> wait.compareTo(retryPolicy.maxDelay()) <= 0);
        }
        return Optional.of(retryPolicy.backoff(attempt, ThreadLocalRandom.current()::nextDouble));
    }

    private void pause(Duration wait, String method, URI uri) {
        LOG.debug("{} {}: retrying in {} ms", method, uri, wait.toMillis());
        try {
            sleeper.sleep(wait);
        } catch (InterruptedException e) {
            throw interrupted(method, uri, e);
        }
    }

    private static SkyliftException interrupted(String method, URI uri, InterruptedException e) {
        Thread.currentThread().interrupt();
        return new SkyliftException(ErrorCode.INTERNAL, "interrupted during " + method + " " + uri, e);
    }

    private static Optional<String> requestId(HttpHeaders headers) {
        return headers.firstValue("x-openstack-request-id").or(() -> headers.firstValue("x-compute-request-id"));
    }

    private static JsonNode readJson(HttpResponse<InputStream> response) throws IOException {
        try (InputStream in = response.body()) {
            byte[] bytes = in.readAllBytes();
            return bytes.length == 0 ? MissingNode.getInstance() : JSON.readTree(bytes);
        }
    }

    /** The start of an error body; closing the stream early drops the rest. */
    private static String readErrorBody(HttpResponse<InputStream> response) {
        try (InputStream in = response.body()) {
            return new String(in.readNBytes(ERROR_BODY_LIMIT), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    private static byte[] bytes(JsonNode node) {
        try {
            return JSON.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree did not serialize", e);
        }
    }

    private static String fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return String.join(", ", names);
    }

    @Override
    public void close() {
        http.close();
    }
}
