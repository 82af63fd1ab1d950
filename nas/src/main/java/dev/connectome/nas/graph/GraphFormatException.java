package dev.connectome.nas.graph;

/** A genome file that cannot be read; the message names the file and, where it applies, the line. */
public class GraphFormatException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public GraphFormatException(String message) {
        super(message);
    }

    public GraphFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
