package io.skylift.provider.openstack.writer;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.skylift.provider.openstack.ServiceType;
import io.skylift.provider.openstack.StatusPoll;
import io.skylift.provider.openstack.client.FakeOpenStackClient;
import io.skylift.spi.ErrorCode;
import io.skylift.spi.SkyliftException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;

/**
 * A cloud that answers what a test scripted for each method and path and records every call
 * with its body. A call nobody scripted fails the test, except a DELETE, which succeeds and
 * makes later GETs of that path answer 404, as a cloud does once the thing is gone.
 */
final class RecordingClient extends FakeOpenStackClient {

    static final String PROJECT = "p-demo";
    static final ObjectMapper JSON = new ObjectMapper();

    record Call(String method, ServiceType service, String path, JsonNode body) {
        Call {
            requireNonNull(method, "method is null");
            requireNonNull(service, "service is null");
            requireNonNull(path, "path is null");
        }
    }

    private final Map<String, Deque<Object>> answers = new HashMap<>();
    private final List<Call> calls = new ArrayList<>();
    private final Set<String> deleted = new HashSet<>();
    private byte[] uploaded = new byte[0];

    private RecordingClient(List<String> roles) {
        super(PROJECT, roles);
    }

    static RecordingClient member() {
        return new RecordingClient(List.of("member", "reader"));
    }

    static RecordingClient admin() {
        return new RecordingClient(List.of("admin", "member", "reader"));
    }

    /** A context whose poll reads without pausing, and fails the test after a hundred reads of one thing. */
    WriterContext context() {
        int[] pauses = {0};
        return new WriterContext(this, new StatusPoll(this, Clock.systemUTC(), duration -> {
            if (++pauses[0] > 100) {
                throw new AssertionError("polled more than 100 times; last requests: " + requests().subList(Math.max(0, calls.size() - 3), calls.size()));
            }
        }, Duration.ofMillis(1), Duration.ofMinutes(1)));
    }

    static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        }
        catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Answers {@code method path} with these, one per call, the last one again and again.
     *
     * @param responses JSON text, or a {@link SkyliftException} to throw
     */
    RecordingClient answer(String method, ServiceType service, String path, Object... responses) {
        Deque<Object> queue = new ArrayDeque<>();
        for (Object response : responses) {
            queue.add(response instanceof String text ? json(text) : response);
        }
        answers.put(key(method, service, path), queue);
        return this;
    }

    List<Call> calls() {
        return List.copyOf(calls);
    }

    /** The calls as {@code METHOD path}, in order. */
    List<String> requests() {
        return calls.stream().map(call -> call.method() + " " + call.path()).toList();
    }

    /** The body of the first call to {@code method path}. */
    JsonNode body(String method, String path) {
        return calls.stream().filter(call -> call.method().equals(method) && call.path().equals(path)).findFirst()
                .map(Call::body).orElseThrow(() -> new AssertionError("no " + method + " " + path + " among " + requests()));
    }

    byte[] uploaded() {
        return uploaded.clone();
    }

    private static String key(String method, ServiceType service, String path) {
        return method + " " + service + " " + path;
    }

    private JsonNode respond(String method, ServiceType service, String path, JsonNode body) {
        calls.add(new Call(method, service, path, body));
        if (method.equals("GET") && deleted.contains(path)) {
            throw new SkyliftException(ErrorCode.NOT_FOUND, "GET " + path + ": HTTP 404");
        }
        Deque<Object> queue = answers.get(key(method, service, path));
        if (queue == null || queue.isEmpty()) {
            if (method.equals("DELETE")) {
                deleted.add(path);
                return JSON.createObjectNode();
            }
            throw new IllegalStateException("the test did not script " + method + " " + service + " " + path);
        }
        Object answer = queue.size() > 1 ? queue.poll() : queue.peek();
        if (answer instanceof SkyliftException failure) {
            throw failure;
        }
        return (JsonNode) answer;
    }

    @Override
    public List<JsonNode> list(ServiceType service, String path, String collectionKey) {
        JsonNode body = respond("GET", service, path, null);
        List<JsonNode> items = new ArrayList<>();
        body.path(collectionKey).forEach(items::add);
        return items;
    }

    @Override
    public JsonNode get(ServiceType service, String path) {
        return respond("GET", service, path, null);
    }

    @Override
    public JsonNode post(ServiceType service, String path, JsonNode body) {
        return respond("POST", service, path, body);
    }

    @Override
    public JsonNode put(ServiceType service, String path, JsonNode body) {
        return respond("PUT", service, path, body);
    }

    @Override
    public void delete(ServiceType service, String path) {
        respond("DELETE", service, path, null);
    }

    @Override
    public InputStream download(ServiceType service, String path) {
        respond("GET", service, path, null);
        return new ByteArrayInputStream(new byte[0]);
    }

    /** Reads the whole body, as the HTTP client does; a failing stream fails the request, as there. */
    @Override
    public void upload(ServiceType service, String path, InputStream body, OptionalLong length, String contentType) {
        calls.add(new Call("PUT", service, path, null));
        try {
            uploaded = body.readAllBytes();
        }
        catch (IOException e) {
            throw new SkyliftException(ErrorCode.UNREACHABLE, "PUT " + path + " failed: " + e.getMessage(), e);
        }
    }
}
