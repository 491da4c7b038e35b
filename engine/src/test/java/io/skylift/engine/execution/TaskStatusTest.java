package io.skylift.engine.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TaskStatusTest {

    /** The table written out again, independently of the enum, so a change to either shows here. */
    private static final Set<String> ALLOWED = Set.of(
            "PENDING>RUNNING", "PENDING>SKIPPED", "PENDING>CANCELED",
            "RUNNING>COMPLETED", "RUNNING>ERROR", "RUNNING>PENDING", "RUNNING>CANCELLING",
            "CANCELLING>CANCELED", "CANCELLING>COMPLETED", "CANCELLING>ERROR",
            "COMPLETED>CLEANUP_PENDING", "ERROR>CLEANUP_PENDING", "CANCELED>CLEANUP_PENDING",
            "COMPLETED>PENDING", "ERROR>PENDING", "CANCELED>PENDING", "SKIPPED>PENDING",
            "CLEANUP_PENDING>CLEANING",
            "CLEANING>CLEANED", "CLEANING>CLEANUP_FAILED", "CLEANING>CLEANUP_PENDING");

    private static final Set<String> EXECUTION_ALLOWED = Set.of(
            "RUNNING>COMPLETED", "RUNNING>FAILING", "RUNNING>CANCELLING",
            "FAILING>ERROR", "FAILING>CANCELLING",
            "CANCELLING>CANCELED",
            "COMPLETED>RUNNING", "ERROR>RUNNING", "CANCELED>RUNNING",
            "ERROR>FAILING", "CANCELED>CANCELLING");

    static Stream<Arguments> taskPairs() {
        List<Arguments> pairs = new ArrayList<>();
        for (TaskStatus from : TaskStatus.values()) {
            for (TaskStatus to : TaskStatus.values()) {
                pairs.add(Arguments.of(from, to));
            }
        }
        return pairs.stream();
    }

    static Stream<Arguments> executionPairs() {
        List<Arguments> pairs = new ArrayList<>();
        for (ExecutionStatus from : ExecutionStatus.values()) {
            for (ExecutionStatus to : ExecutionStatus.values()) {
                pairs.add(Arguments.of(from, to));
            }
        }
        return pairs.stream();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("taskPairs")
    void taskTransition_allowedOnlyWhenInTable(TaskStatus from, TaskStatus to) {
        boolean allowed = ALLOWED.contains(from + ">" + to);
        assertThat(from.canMoveTo(to)).isEqualTo(allowed);
        if (allowed) {
            from.checkMoveTo(to);
        }
        else {
            assertThatThrownBy(() -> from.checkMoveTo(to)).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("from " + from + " to " + to);
        }
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("executionPairs")
    void executionTransition_allowedOnlyWhenInTable(ExecutionStatus from, ExecutionStatus to) {
        boolean allowed = EXECUTION_ALLOWED.contains(from + ">" + to);
        assertThat(from.canMoveTo(to)).isEqualTo(allowed);
        if (!allowed) {
            assertThatThrownBy(() -> from.checkMoveTo(to)).isInstanceOf(IllegalStateException.class);
        }
    }

    @ParameterizedTest
    @MethodSource("executionPairs")
    void final_onlyCompletedErrorAndCanceled(ExecutionStatus status, ExecutionStatus ignored) {
        assertThat(status.isFinal()).isEqualTo(Set.of(ExecutionStatus.COMPLETED, ExecutionStatus.ERROR, ExecutionStatus.CANCELED).contains(status));
    }

    @ParameterizedTest
    @MethodSource("taskPairs")
    void leased_onlyWhileAWorkerRunsIt(TaskStatus status, TaskStatus ignored) {
        assertThat(status.isLeased()).isEqualTo(Set.of(TaskStatus.RUNNING, TaskStatus.CANCELLING, TaskStatus.CLEANING).contains(status));
    }
}
