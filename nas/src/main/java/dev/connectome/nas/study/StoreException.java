package dev.connectome.nas.study;

/** A trial store could not do its job (database unreachable, corrupt, locked for too long). */
public class StoreException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public StoreException(String message) {
        super(message);
    }

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
