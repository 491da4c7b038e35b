package io.skylift.engine.store;

import io.skylift.spi.ErrorCode;
import io.skylift.spi.SkyliftException;
import java.sql.SQLException;
import java.util.Optional;
import java.util.regex.Pattern;

/** Tells a database that cannot be reached from other failures, and names its URL without secrets. */
public final class DatabaseFailure {

    /** H2: "connection is broken" (TCP server down) and "remote connections are not allowed". */
    private static final int H2_CONNECTION_BROKEN = 90067;
    private static final int H2_REMOTE_CONNECTION_NOT_ALLOWED = 90117;

    private static final Pattern PASSWORD_PARAMETER = Pattern.compile("(?i)(password=)[^&;]*");
    private static final Pattern USER_INFO = Pattern.compile("//([^/:@]+):[^/@]*@");

    private DatabaseFailure() {
    }

    /** {@code url} with any password replaced by {@code ***}, fit for messages. */
    public static String masked(String url) {
        String masked = PASSWORD_PARAMETER.matcher(url).replaceAll("$1***");
        return USER_INFO.matcher(masked).replaceAll("//$1:***@");
    }

    /**
     * When {@code failure} (from opening {@code url}) says the database could not be reached, an
     * {@link ErrorCode#UNREACHABLE} exception with one line naming the masked URL and the reason.
     */
    public static Optional<SkyliftException> unreachable(String url, Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && isConnectionFailure(sql)) {
                String reason = sql.getMessage() == null ? sql.getClass().getSimpleName() : firstLine(sql.getMessage());
                if (reason.startsWith("No suitable driver")) {
                    reason = "no JDBC driver in this skylift accepts it (supported: jdbc:h2:..., jdbc:postgresql://HOST/DB)";
                }
                // The driver's message may repeat the URL: never let a password through.
                return Optional.of(new SkyliftException(ErrorCode.UNREACHABLE,
                        "cannot reach the database " + masked(url) + ": " + reason.replace(url, masked(url)), failure));
            }
        }
        return Optional.empty();
    }

    private static boolean isConnectionFailure(SQLException failure) {
        String state = failure.getSQLState();
        return (state != null && state.startsWith("08")) || failure.getErrorCode() == H2_CONNECTION_BROKEN
                || failure.getErrorCode() == H2_REMOTE_CONNECTION_NOT_ALLOWED;
    }

    private static String firstLine(String message) {
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end);
    }
}
