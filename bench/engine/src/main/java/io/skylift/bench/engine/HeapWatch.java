package io.skylift.bench.engine;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import javax.management.ListenerNotFoundException;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * The most heap in use during a run: the usage every GC saw just before collecting (the true
 * peaks), and a 5 ms sample of the heap in between (for runs too short to collect). With a fixed
 * heap that peak mostly says how much garbage the collector let pile up, so the largest heap left
 * after a collection is kept too: closer to what the run really holds.
 */
final class HeapWatch implements AutoCloseable {

    private static final long SAMPLE_MILLIS = 5;

    private final AtomicLong peak = new AtomicLong();
    private final AtomicLong afterGc = new AtomicLong();
    private final Set<String> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(pool -> pool.getType() == MemoryType.HEAP)
            .map(MemoryPoolMXBean::getName)
            .collect(Collectors.toUnmodifiableSet());
    private final NotificationListener listener = this::onGc;
    private final List<NotificationEmitter> emitters = new ArrayList<>();
    private final Thread sampler;
    private volatile boolean stopped;

    private HeapWatch() {
        sampler = Thread.ofPlatform().daemon().name("bench-heap-sampler").unstarted(this::sample);
    }

    /** Collects garbage first, so every run starts from the same heap. */
    static HeapWatch start() {
        System.gc();
        HeapWatch watch = new HeapWatch();
        for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (collector instanceof NotificationEmitter emitter) {
                emitter.addNotificationListener(watch.listener, null, null);
                watch.emitters.add(emitter);
            }
        }
        watch.sampler.start();
        return watch;
    }

    long peakBytes() {
        return peak.get();
    }

    /** 0 when no collection ran. */
    long largestAfterGcBytes() {
        return afterGc.get();
    }

    @Override
    public void close() {
        stopped = true;
        try {
            sampler.join();
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (NotificationEmitter emitter : emitters) {
            try {
                emitter.removeNotificationListener(listener);
            }
            catch (ListenerNotFoundException e) {
                throw new IllegalStateException("the heap listener was registered on " + emitter, e);
            }
        }
    }

    private void sample() {
        while (!stopped) {
            peak.accumulateAndGet(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), Math::max);
            try {
                Thread.sleep(SAMPLE_MILLIS);
            }
            catch (InterruptedException e) {
                return;
            }
        }
    }

    private void onGc(Notification notification, Object handback) {
        if (!notification.getType().equals(GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION)) {
            return;
        }
        GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
        if (info.getGcCause().equals("System.gc()")) {
            // The collection start() asked for, reported late: it belongs to no run.
            return;
        }
        peak.accumulateAndGet(heapUsed(info.getGcInfo().getMemoryUsageBeforeGc()), Math::max);
        afterGc.accumulateAndGet(heapUsed(info.getGcInfo().getMemoryUsageAfterGc()), Math::max);
    }

    private long heapUsed(Map<String, MemoryUsage> pools) {
        long used = 0;
        for (Map.Entry<String, MemoryUsage> pool : pools.entrySet()) {
            if (heapPools.contains(pool.getKey())) {
                used += pool.getValue().getUsed();
            }
        }
        return used;
    }
}
