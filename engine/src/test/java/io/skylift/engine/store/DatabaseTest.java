package io.skylift.engine.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseTest {

    @Test
    void redact_masksEveryPassword() {
        assertThat(Database.redact("jdbc:postgresql://db:5432/skylift?user=s&password=secret&ssl=true"))
                .isEqualTo("jdbc:postgresql://db:5432/skylift?user=s&password=******&ssl=true");
        assertThat(Database.redact("jdbc:h2:file:/x;USER=sa;PASSWORD=secret")).isEqualTo("jdbc:h2:file:/x;USER=sa;PASSWORD=******");
        assertThat(Database.redact("jdbc:h2:mem:x")).isEqualTo("jdbc:h2:mem:x");
    }

    /**
     * H2 saves a commit map by map while other transactions change them, so after a kill -9 the
     * file is consistent only if no other transaction ran during the save: embedded transactions
     * must take turns.
     */
    @Test
    void inTransaction_onEmbeddedDatabase_runsOneTransactionAtATime(@TempDir Path directory) throws Exception {
        String url = "jdbc:h2:file:" + directory.resolve("journal");
        try (Database first = Database.open(url); Database second = Database.open(url + ";LOCK_TIMEOUT=2000");
             ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            AtomicInteger inside = new AtomicInteger();
            AtomicInteger most = new AtomicInteger();
            CountDownLatch go = new CountDownLatch(1);
            Future<?>[] done = new Future<?>[8];
            for (int i = 0; i < done.length; i++) {
                Database database = i % 2 == 0 ? first : second;
                done[i] = threads.submit(() -> {
                    go.await();
                    return database.inTransaction(connection -> {
                        most.accumulateAndGet(inside.incrementAndGet(), Math::max);
                        try {
                            Thread.sleep(20);
                        }
                        catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                        inside.decrementAndGet();
                        return null;
                    });
                });
            }
            go.countDown();
            for (Future<?> future : done) {
                future.get(30, TimeUnit.SECONDS);
            }
            assertThat(most.get()).as("transactions open at once").isEqualTo(1);
        }
    }
}
