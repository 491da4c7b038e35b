package io.skylift.engine.execution;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A cloud that keeps resources by marker and counts every create, so a test can tell a side
 * effect made once from one made twice; it also measures how many tasks work at once per key.
 */
final class FakeCloud {

    private final Map<String, String> resources = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> creates = new ConcurrentHashMap<>();
    private final List<String> deleted = new CopyOnWriteArrayList<>();
    private final Map<String, AtomicInteger> busy = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> busiest = new ConcurrentHashMap<>();

    String create(String marker) {
        creates.computeIfAbsent(marker, m -> new AtomicInteger()).incrementAndGet();
        String id = UUID.randomUUID().toString();
        resources.put(marker, id);
        return id;
    }

    Optional<String> findByMarker(String marker) {
        return Optional.ofNullable(resources.get(marker));
    }

    void delete(String marker) {
        if (resources.remove(marker) != null) {
            deleted.add(marker);
        }
    }

    Map<String, String> resources() {
        return Map.copyOf(resources);
    }

    int creates(String marker) {
        AtomicInteger count = creates.get(marker);
        return count == null ? 0 : count.get();
    }

    Map<String, Integer> allCreates() {
        Map<String, Integer> all = new java.util.HashMap<>();
        creates.forEach((marker, count) -> all.put(marker, count.get()));
        return all;
    }

    List<String> deleted() {
        return List.copyOf(deleted);
    }

    void enter(String key) {
        int now = busy.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
        busiest.computeIfAbsent(key, k -> new AtomicInteger()).accumulateAndGet(now, Math::max);
    }

    void exit(String key) {
        busy.get(key).decrementAndGet();
    }

    int busiest(String key) {
        AtomicInteger max = busiest.get(key);
        return max == null ? 0 : max.get();
    }
}
