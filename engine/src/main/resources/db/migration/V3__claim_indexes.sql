-- Claim rounds cost what is ready, not the size of the task table (bench/README.md). Portable to
-- H2 and PostgreSQL, like V2.

-- How many of the task's dependencies are not COMPLETED. Kept in the transaction that moves a
-- dependency into or out of COMPLETED, so a PENDING task is ready exactly when it is 0.
ALTER TABLE task ADD COLUMN waiting_on INTEGER DEFAULT 0 NOT NULL;

UPDATE task t SET waiting_on = (SELECT COUNT(*) FROM task_dependency d JOIN task p
    ON p.execution_id = d.execution_id AND p.id = d.depends_on
    WHERE d.execution_id = t.execution_id AND d.task_id = t.id AND p.status <> 'COMPLETED');

-- Replaces task_status_idx (status, not_before). A claim reads a range of it in order:
-- (PENDING, execution, waiting_on = 0) by seq, so only the tasks it takes; the leased tasks
-- (status IN ...) and "has the execution a task in these statuses" are ranges of it too.
-- One index rather than two, so H2's planner has no (status, not_before) range to prefer.
DROP INDEX task_status_idx;
CREATE INDEX task_claim_idx ON task (status, execution_id, waiting_on, seq);

-- Active executions, oldest first, without reading finished ones.
CREATE INDEX execution_status_idx ON execution (status, created_at);

-- The dependents of a task that completes, read in its transaction to lower their waiting_on.
-- Covering, so H2 takes it over the primary key (execution_id, task_id, depends_on) even before
-- it has statistics; task_dependency_on_idx alone lost to the primary key and read every row.
CREATE INDEX task_dependency_dependents_idx ON task_dependency (execution_id, depends_on, task_id);
