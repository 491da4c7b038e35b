package io.skylift.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.skylift.engine.execution.Progress;
import io.skylift.engine.execution.Task;
import io.skylift.engine.execution.TaskStatus;
import io.skylift.model.ResourceRef;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ProgressBoardTest {

    private static final UUID EXECUTION = UUID.randomUUID();
    private static final Instant START = Instant.parse("2026-12-01T10:00:00Z");
    private static final long MIB = 1 << 20;

    private static Task task(String id, TaskStatus status, long bytes, long total) {
        return new Task(EXECUTION, id, "export-disk", Optional.of(ResourceRef.parse("image:demo/" + id)), Map.of(), List.of(), status, 1,
                new Progress(bytes, total, bytes, "downloading"), Optional.empty(), Map.of(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    @Test
    void terminal_drawsABarPerMovingTaskAndOneForAll_withRateAndEta() {
        StringWriter text = new StringWriter();
        ProgressBoard board = ProgressBoard.on(new PrintWriter(text), true, START);
        board.update(List.of(task("a", TaskStatus.RUNNING, 0, 100 * MIB), task("b", TaskStatus.PENDING, 0, 0)), START);
        List<Task> later = List.of(task("a", TaskStatus.RUNNING, 50 * MIB, 100 * MIB), task("b", TaskStatus.PENDING, 0, 0));

        List<String> lines = board.lines(later, START.plusSeconds(10));

        assertThat(lines).hasSize(2);
        assertThat(lines.getFirst()).contains("image:demo/a").contains("[############............]").contains(" 50%")
                .contains("50.0 MiB/100.0 MiB").contains("5.0 MiB/s").contains("ETA 0:10");
        assertThat(lines.get(1)).contains("all: 0 of 2 tasks done").contains("50.0 MiB/100.0 MiB");
    }

    @Test
    void terminal_redrawsInPlace() {
        StringWriter text = new StringWriter();
        ProgressBoard board = ProgressBoard.on(new PrintWriter(text), true, START);
        List<Task> tasks = List.of(task("a", TaskStatus.RUNNING, MIB, 2 * MIB));

        board.update(tasks, START.plusSeconds(1));
        board.update(tasks, START.plusSeconds(2));

        assertThat(text.toString()).contains("\033[2F");
    }

    @Test
    void plain_printsALinePerRunningTransferEveryTenSeconds() {
        StringWriter text = new StringWriter();
        ProgressBoard board = ProgressBoard.on(new PrintWriter(text), false, START);

        board.update(List.of(task("a", TaskStatus.RUNNING, MIB, 4 * MIB)), START.plusSeconds(1));
        assertThat(text.toString()).isEmpty();
        board.update(List.of(task("a", TaskStatus.RUNNING, 3 * MIB, 4 * MIB)), START.plusSeconds(11));

        assertThat(text.toString()).startsWith("skylift: image:demo/a").contains("3.0 MiB/4.0 MiB").doesNotContain("\033");
        assertThat(text.toString().lines()).hasSize(1);
    }

    @Test
    void plain_aTransferThatHasNotMovedSinceItsLastLine_isNotPrintedAgain() {
        StringWriter text = new StringWriter();
        ProgressBoard board = ProgressBoard.on(new PrintWriter(text), false, START);

        board.update(List.of(task("a", TaskStatus.RUNNING, 4 * MIB, 4 * MIB)), START.plusSeconds(11));
        board.update(List.of(task("a", TaskStatus.RUNNING, 4 * MIB, 4 * MIB)), START.plusSeconds(22));
        board.update(List.of(task("a", TaskStatus.RUNNING, 4 * MIB, 4 * MIB)), START.plusSeconds(33));

        assertThat(text.toString().lines()).hasSize(1);
    }

    @Test
    void sizesAndDurations_readAsAPersonWritesThem() {
        assertThat(ProgressBoard.size(1023)).isEqualTo("1023 B");
        assertThat(ProgressBoard.size(1536)).isEqualTo("1.5 KiB");
        assertThat(ProgressBoard.size(1L << 30)).isEqualTo("1.0 GiB");
        assertThat(ProgressBoard.duration(Duration.ofSeconds(7))).isEqualTo("0:07");
        assertThat(ProgressBoard.duration(Duration.ofSeconds(3723))).isEqualTo("1:02:03");
    }
}
