package io.skylift.engine.execution;

import static org.assertj.core.api.Assertions.assertThat;

import io.skylift.engine.store.Database;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TaskTableTest {

    /**
     * A row its own end or heartbeat transaction holds must not make the renewal wait: waiting
     * failed the whole renewal after the lock timeout, and the claim round behind it, for as long
     * as that transaction stayed open (CrashIT, seed -6531543711168197475).
     */
    @Test
    void renew_skipsARowAnotherTransactionHolds_andRenewsTheOthers() throws Exception {
        String url = "jdbc:h2:mem:task-table-" + UUID.randomUUID() + ";LOCK_TIMEOUT=2000";
        try (Database database = Database.open(url)) {
            UUID id = Journal.of(database, Clock.systemUTC())
                    .create(NewExecution.of("renew", List.of(NewTask.of("held", "t"), NewTask.of("free", "t"))));
            Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
            database.inTransaction(connection -> {
                try (PreparedStatement statement = connection.prepareStatement(
                        "UPDATE task SET status = 'RUNNING', worker = 'w1', lease_until = ? WHERE execution_id = ?")) {
                    statement.setObject(1, OffsetDateTime.ofInstant(now, java.time.ZoneOffset.UTC));
                    statement.setObject(2, id);
                    statement.executeUpdate();
                }
                return null;
            });
            try (Connection holder = DriverManager.getConnection(url); Connection renewer = DriverManager.getConnection(url)) {
                holder.setAutoCommit(false);
                try (PreparedStatement lock = holder.prepareStatement("SELECT status FROM task WHERE execution_id = ? AND id = 'held' FOR UPDATE")) {
                    lock.setObject(1, id);
                    lock.executeQuery().close();
                }
                renewer.setAutoCommit(false);
                Instant until = now.plusSeconds(60);
                long started = System.nanoTime();
                TaskTable.renew(renewer, "w1", until);
                renewer.commit();
                assertThat((System.nanoTime() - started) / 1_000_000).as("ms the renewal took").isLessThan(1500);
                holder.commit();
                assertThat(leaseUntil(renewer, id, "free")).isEqualTo(until);
                assertThat(leaseUntil(renewer, id, "held")).isEqualTo(now);
            }
        }
    }

    private static Instant leaseUntil(Connection connection, UUID id, String task) throws Exception {
        try (PreparedStatement statement = connection.prepareStatement("SELECT lease_until FROM task WHERE execution_id = ? AND id = ?")) {
            statement.setObject(1, id);
            statement.setString(2, task);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getObject(1, OffsetDateTime.class).toInstant();
            }
        }
    }
}
