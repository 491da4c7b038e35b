package io.skylift.provider.openstack.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A small Keystone and service on a local port: tokens with a catalog that points back here
 * ({@code /compute/v2.1}, {@code /image}, {@code /network}, {@code /volume/v3/p1}), and routes a
 * test sets up with the answers it wants.
 */
final class FakeCloud implements AutoCloseable {

    static final String PASSWORD = "s3cret-pw";
    static final ObjectMapper JSON = new ObjectMapper();

    record Request(String method, URI uri, Headers headers, String body) {
        String token() {
            return headers.getFirst("X-Auth-Token");
        }
    }

    record Response(int status, String body, Map<String, String> headers) {
        static Response json(int status, String body) {
            return new Response(status, body, Map.of("Content-Type", "application/json"));
        }

        Response withHeader(String name, String value) {
            java.util.HashMap<String, String> all = new java.util.HashMap<>(headers);
            all.put(name, value);
            return new Response(status, body, all);
        }
    }

    private final HttpServer server;
    final List<Request> requests = new CopyOnWriteArrayList<>();
    private final Map<String, Function<Request, Response>> routes = new ConcurrentHashMap<>();
    private final Map<String, HttpHandler> rawRoutes = new ConcurrentHashMap<>();
    private final Set<String> validTokens = ConcurrentHashMap.newKeySet();
    final AtomicInteger tokensIssued = new AtomicInteger();
    private final AtomicInteger requestIds = new AtomicInteger();
    volatile Duration tokenLifetime = Duration.ofHours(1);
    volatile String extraCatalogJson = "";

    FakeCloud() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", this::handle);
        server.start();
    }

    String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    URI authUrl() {
        return URI.create(base() + "/identity/v3");
    }

    OpenStackClient.Builder client() {
        return OpenStackClient.builder(authUrl(), new Credential.Password(IdentityRef.name("demo", IdentityRef.name("Default")), PASSWORD))
                .scope(Scope.project(IdentityRef.name("demo", IdentityRef.name("Default"))))
                .sleeper(new RecordingSleeper());
    }

    /** Answers {@code method path} (no query) with the given responses in turn, the last one from then on. */
    void route(String method, String path, Response... responses) {
        Deque<Response> queue = new ArrayDeque<>(List.of(responses));
        routes.put(method + " " + path, request -> queue.size() > 1 ? queue.poll() : queue.peek());
    }

    void route(String method, String path, Function<Request, Response> handler) {
        routes.put(method + " " + path, handler);
    }

    /** A route that reads and writes the exchange itself, after the token check. */
    void rawRoute(String method, String path, HttpHandler handler) {
        rawRoutes.put(method + " " + path, handler);
    }

    void revokeTokens() {
        validTokens.clear();
    }

    List<Request> requestsTo(String path) {
        return requests.stream().filter(r -> r.uri().getPath().equals(path)).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getPath();
            String key = method + " " + path;
            HttpHandler raw = rawRoutes.get(key);
            if (raw != null && validTokens.contains(exchange.getRequestHeaders().getFirst("X-Auth-Token"))) {
                requests.add(new Request(method, exchange.getRequestURI(), exchange.getRequestHeaders(), ""));
                raw.handle(exchange);
                return;
            }
            String body;
            try (InputStream in = exchange.getRequestBody()) {
                body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            Request request = new Request(method, exchange.getRequestURI(), exchange.getRequestHeaders(), body);
            requests.add(request);
            Response response;
            if (key.equals("POST /identity/v3/auth/tokens")) {
                response = issueToken(request);
            } else if (!validTokens.contains(request.token())) {
                response = Response.json(401, "{\"error\": {\"code\": 401, \"message\": \"The request you have made requires authentication.\", \"title\": \"Unauthorized\"}}");
            } else {
                Function<Request, Response> route = routes.get(key);
                response = route == null ? Response.json(404, "{\"itemNotFound\": {\"code\": 404, \"message\": \"no route " + key + "\"}}") : route.apply(request);
            }
            respond(exchange, response);
        }
    }

    private void respond(HttpExchange exchange, Response response) throws IOException {
        response.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
        exchange.getResponseHeaders().add("x-openstack-request-id", "req-" + requestIds.incrementAndGet());
        byte[] bytes = response.body().getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(response.status(), bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    private Response issueToken(Request request) {
        JsonNode auth;
        try {
            auth = JSON.readTree(request.body()).path("auth");
        } catch (IOException e) {
            return Response.json(400, "{\"error\": {\"code\": 400, \"message\": \"not JSON\"}}");
        }
        JsonNode user = auth.path("identity").path("password").path("user");
        if (!PASSWORD.equals(user.path("password").asText())) {
            return Response.json(401, "{\"error\": {\"code\": 401, \"message\": \"The request you have made requires authentication.\", \"title\": \"Unauthorized\"}}");
        }
        String token = "token-" + tokensIssued.incrementAndGet();
        validTokens.add(token);
        Instant issued = Instant.parse("2026-11-22T10:00:00Z");
        ObjectNode body = JSON.createObjectNode();
        ObjectNode tokenNode = body.putObject("token");
        tokenNode.put("issued_at", issued.toString()).put("expires_at", issued.plus(tokenLifetime).toString());
        tokenNode.putObject("user").put("id", "u1").put("name", user.path("name").asText("demo"));
        tokenNode.putObject("project").put("id", "p1").put("name", "demo");
        ArrayNode roles = tokenNode.putArray("roles");
        roles.addObject().put("id", "r1").put("name", "member");
        try {
            tokenNode.set("catalog", JSON.readTree(catalog()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Response.json(201, body.toString()).withHeader("X-Subject-Token", token);
    }

    private String catalog() {
        String base = base();
        return "[" + service("identity", base + "/identity/v3") + "," + service("compute", base + "/compute/v2.1") + ","
                + service("image", base + "/image") + "," + service("network", base + "/network") + ","
                + service("volumev3", base + "/volume/v3/p1") + extraCatalogJson + "]";
    }

    static String service(String type, String url) {
        return "{\"type\": \"" + type + "\", \"endpoints\": ["
                + "{\"interface\": \"public\", \"region_id\": \"RegionOne\", \"url\": \"" + url + "\"},"
                + "{\"interface\": \"internal\", \"region_id\": \"RegionOne\", \"url\": \"" + url.replace("127.0.0.1", "localhost") + "\"}]}";
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
