package io.skylift.engine.execution;

import io.skylift.engine.store.TestPostgres;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;

/** Every {@link RunnerTest} again, on PostgreSQL, each in a schema of its own. */
class RunnerPostgresIT extends RunnerTest {

    private static final List<String> SCHEMAS = new CopyOnWriteArrayList<>();

    @Override
    String databaseUrl() {
        String url = TestPostgres.freshSchema("it_runner");
        SCHEMAS.add(url);
        return url;
    }

    @AfterAll
    static void dropSchemas() {
        SCHEMAS.forEach(TestPostgres::dropSchema);
    }
}
