package dev.connectome.cli.model;

/** A model file that cannot be used: wrong magic, unsupported version, truncated, corrupt. */
public final class ModelFileException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ModelFileException(String message) {
        super(message);
    }

    public ModelFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
