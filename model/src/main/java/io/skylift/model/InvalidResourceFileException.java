package io.skylift.model;

/** A resource file that cannot be read as one; the message names the file, the place and the fix. */
public final class InvalidResourceFileException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public InvalidResourceFileException(String message) {
        super(message);
    }
}
