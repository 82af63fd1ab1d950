package dev.connectome.cli;

/**
 * An error the user can fix (a bad value, a missing file): reported as one line on stderr with exit
 * code 2 and no stack trace.
 */
public final class UserException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public UserException(String message) {
        super(message);
    }

    public UserException(String message, Throwable cause) {
        super(message, cause);
    }
}
