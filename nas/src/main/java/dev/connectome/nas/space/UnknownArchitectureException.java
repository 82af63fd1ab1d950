package dev.connectome.nas.space;

/** A text that does not name an architecture of the space; the message quotes the text and the reason. */
public class UnknownArchitectureException extends IllegalArgumentException {
    public UnknownArchitectureException(String message) {
        super(message);
    }
}
