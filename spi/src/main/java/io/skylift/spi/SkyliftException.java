package io.skylift.spi;

import static java.util.Objects.requireNonNull;

/**
 * A failure with a code. The message is for the operator: it names the thing that failed and,
 * where there is one, the fix ("wrong password for user demo at http://...: check the
 * password in clouds.yaml entry skylift-src").
 */
public class SkyliftException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final ErrorCode code;

    public SkyliftException(ErrorCode code, String message) {
        this(code, message, null);
    }

    public SkyliftException(ErrorCode code, String message, Throwable cause) {
        super(requireNonNull(message, "message is null"), cause);
        this.code = requireNonNull(code, "code is null");
    }

    public ErrorCode code() {
        return code;
    }
}
