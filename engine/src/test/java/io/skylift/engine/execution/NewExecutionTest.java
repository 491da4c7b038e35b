package io.skylift.engine.execution;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class NewExecutionTest {

    @Test
    void create_rejectsCycleNamingItsTasks() {
        List<NewTask> tasks = List.of(NewTask.of("a", "t").dependingOn("c"), NewTask.of("b", "t").dependingOn("a"),
                NewTask.of("c", "t").dependingOn("b"), NewTask.of("d", "t"));
        assertThatThrownBy(() -> NewExecution.of("x", tasks)).hasMessage("the task dependencies form a cycle through [a, b, c]");
    }

    @Test
    void create_rejectsUnknownDependency() {
        assertThatThrownBy(() -> NewExecution.of("x", List.of(NewTask.of("a", "t").dependingOn("zz"))))
                .hasMessage("task a depends on zz, which is not a task of this execution");
    }

    @Test
    void create_rejectsDuplicateIdAndSelfDependency() {
        assertThatThrownBy(() -> NewExecution.of("x", List.of(NewTask.of("a", "t"), NewTask.of("a", "t")))).hasMessage("two tasks have the id a");
        assertThatThrownBy(() -> NewTask.of("a", "t").dependingOn("a")).hasMessage("task a depends on itself");
    }
}
