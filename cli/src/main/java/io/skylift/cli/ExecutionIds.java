package io.skylift.cli;

import io.skylift.engine.execution.Journal;
import io.skylift.spi.ErrorCode;
import io.skylift.spi.SkyliftException;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/** Turns what an operator typed, a whole execution id or a unique prefix of one, into the id. */
final class ExecutionIds {

    private static final int SHORTEST_PREFIX = 4;

    private ExecutionIds() {
    }

    static UUID resolve(Journal journal, String typed) {
        String text = typed.strip().toLowerCase(Locale.ROOT);
        if (text.length() == 36) {
            try {
                UUID id = UUID.fromString(text);
                journal.get(id);
                return id;
            }
            catch (IllegalArgumentException e) {
                throw malformed(typed);
            }
        }
        if (text.length() < SHORTEST_PREFIX || !text.matches("[0-9a-f-]+")) {
            throw malformed(typed);
        }
        List<UUID> matches = journal.list().stream().map(summary -> summary.execution().id())
                .filter(id -> id.toString().startsWith(text)).toList();
        if (matches.isEmpty()) {
            throw new SkyliftException(ErrorCode.NOT_FOUND, "no execution " + typed + "; see skylift execution list");
        }
        if (matches.size() > 1) {
            throw new SkyliftException(ErrorCode.INVALID_INPUT, "execution id " + typed + " is ambiguous: it begins "
                    + matches.stream().limit(3).map(UUID::toString).toList() + "; type more of it");
        }
        return matches.getFirst();
    }

    private static SkyliftException malformed(String typed) {
        return new SkyliftException(ErrorCode.INVALID_INPUT, "'" + typed + "' is not an execution id (a UUID such as "
                + "2f1c0f6e-8a9b-4c1d-9e2f-3a4b5c6d7e8f, or its first " + SHORTEST_PREFIX + "+ characters); see skylift execution list");
    }
}
