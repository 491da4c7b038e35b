package io.skylift.cli;

import io.skylift.engine.execution.RunnerListener;
import io.skylift.engine.execution.Task;
import io.skylift.engine.execution.TaskStatus;
import java.io.PrintWriter;

/** Prints one line each time a runner starts or ends a task: a worker's log. */
final class TaskLines implements RunnerListener {

    private final PrintWriter out;

    TaskLines(PrintWriter out) {
        this.out = out;
    }

    @Override
    public void started(Task task) {
        String what = task.status() == TaskStatus.CLEANING ? "cleaning up" : "started attempt " + task.attempts();
        print(task, what + " (" + task.type() + ")");
    }

    @Override
    public void ended(Task task) {
        // A task that completed after a retry keeps its last error in the journal: not worth a line.
        boolean failed = task.status() != TaskStatus.COMPLETED && task.status() != TaskStatus.CLEANED && task.status() != TaskStatus.CANCELED;
        print(task, task.status() + (failed ? task.error().map(error -> " " + error.code() + ": " + error.message()).orElse("") : ""));
    }

    private void print(Task task, String text) {
        synchronized (out) {
            out.println(task.executionId() + " " + task.id() + " " + text.replace('\n', ' '));
            out.flush();
        }
    }
}
