package dev.connectome.cli;

/** Process exit codes of the connectome command. */
public final class ExitCodes {
    /** Success. */
    public static final int OK = 0;
    /** A bug or an unexpected failure (see --verbose for the stack trace). */
    public static final int INTERNAL = 1;
    /** The user can fix it: bad flag or value, missing or corrupt file, unreadable settings. */
    public static final int USAGE = 2;

    private ExitCodes() {
    }
}
