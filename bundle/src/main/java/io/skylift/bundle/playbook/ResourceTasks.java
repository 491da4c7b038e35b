package io.skylift.bundle.playbook;

import static java.util.Objects.requireNonNull;

import io.skylift.model.Resource;
import io.skylift.model.ResourceRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What one resource of the bundle becomes in the play: its tasks (the one that creates it is
 * followed at once by its row of {@code uuids.csv}, so a run that fails later has recorded it),
 * and comment lines above them that say what is not carried and why. A resource the modules
 * cannot create has comments only.
 */
record ResourceTasks(ResourceRef ref, List<String> comments, List<Task> tasks) {

    ResourceTasks {
        requireNonNull(ref, "ref is null");
        comments = List.copyOf(requireNonNull(comments, "comments is null"));
        tasks = List.copyOf(requireNonNull(tasks, "tasks is null"));
    }

    /**
     * {@code module} called with {@code arguments} to create {@code resource}, its result
     * registered, then its row of {@code uuids.csv} with the id the result has under
     * {@code resultKey} ({@code network}, {@code rule}, ...).
     */
    static ResourceTasks created(Resource resource, String module, ModuleArguments arguments, String resultKey, PlaybookContext context) {
        String register = context.register(resource.ref());
        Task create = Task.of("Create " + resource.ref(), module, arguments).registeredAs(register);
        return new ResourceTasks(resource.ref(), List.of(), List.of(create, UuidsCsvTasks.row(resource, UuidsCsvTasks.resultId(register, resultKey))));
    }

    /** {@code task}, which makes a resource without an id of its own (a quota, an access), then its row with no new id. */
    static ResourceTasks withoutId(Resource resource, Task task) {
        return new ResourceTasks(resource.ref(), List.of(), List.of(task, UuidsCsvTasks.row(resource, Optional.empty())));
    }

    /** A resource left out, with the reason. */
    static ResourceTasks notCreated(ResourceRef ref, String... reason) {
        List<String> lines = new ArrayList<>();
        lines.add(ref + ": not created by this playbook.");
        lines.addAll(List.of(reason));
        return new ResourceTasks(ref, lines, List.of());
    }

    ResourceTasks withComments(List<String> more) {
        List<String> all = new ArrayList<>(comments);
        all.addAll(more);
        return new ResourceTasks(ref, all, tasks);
    }

    /** These tasks with {@code first} run before them, such as uploading the data a volume is made from. */
    ResourceTasks after(List<Task> first) {
        List<Task> all = new ArrayList<>(first);
        all.addAll(tasks);
        return new ResourceTasks(ref, comments, all);
    }

    /** These tasks with {@code last} run after them, such as deleting a temporary image. */
    ResourceTasks then(List<Task> last) {
        List<Task> all = new ArrayList<>(tasks);
        all.addAll(last);
        return new ResourceTasks(ref, comments, all);
    }
}
