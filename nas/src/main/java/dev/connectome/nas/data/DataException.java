package dev.connectome.nas.data;

/**
 * A data file or data set that cannot be used: missing, corrupt, truncated, or inconsistent.
 * The message always names the file (or data set) and the problem, so a command line can print
 * it as one line.
 */
public final class DataException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** @param message what is wrong, starting with the file or data set name */
    public DataException(String message) {
        super(message);
    }

    /** @param message what is wrong, starting with the file or data set name; @param cause the low-level error */
    public DataException(String message, Throwable cause) {
        super(message, cause);
    }
}
