package dev.connectome.cli.study;

import dev.connectome.cli.UserException;
import dev.connectome.nas.study.StoreException;
import dev.connectome.nas.study.StudyInfo;
import dev.connectome.nas.study.TrialStore;
import dev.connectome.nas.study.sql.TrialStores;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Option;

/** The {@code --storage} option of the study commands, and opening the store it names. */
public final class StorageOptions {
    static final String DEFAULT_FILE = "connectome.db";

    @Option(names = "--storage", paramLabel = "URL",
            description = "Study store: a SQLite file (default: " + DEFAULT_FILE + " in the working directory), "
                    + "sqlite:FILE, or jdbc:postgresql://HOST[:PORT]/DB?user=U&password=P for many workers.")
    String storage;

    /** Opens the store, creating a SQLite file when needed (for commands that start studies). */
    public TrialStore openOrCreate() {
        try {
            return TrialStores.open(storage);
        } catch (StoreException e) {
            throw new UserException(e.getMessage(), e);
        }
    }

    /** Opens an existing store: a SQLite file that does not exist is an error, not a new empty store. */
    public TrialStore openExisting() {
        Path file = sqliteFile();
        if (file != null && !Files.exists(file)) {
            throw new UserException("no study store at " + file + " (start one with 'connectome nas search', "
                    + "or name the store with --storage)");
        }
        return openOrCreate();
    }

    /** A short name of the store for messages: the SQLite file, or the database URL without credentials. */
    public String describe() {
        Path file = sqliteFile();
        if (file != null) {
            return file.toString();
        }
        String s = storage.strip();
        int q = s.indexOf('?');
        s = q >= 0 ? s.substring(0, q) : s;
        int at = s.indexOf('@'); // postgresql://user:password@host/db
        int scheme = s.indexOf("://");
        return at > scheme && scheme >= 0 ? s.substring(0, scheme + 3) + s.substring(at + 1) : s;
    }

    /** The SQLite file the option names, or null when it names a database server. */
    Path sqliteFile() {
        String s = storage == null ? "" : storage.strip();
        if (s.isEmpty()) {
            return Path.of(DEFAULT_FILE);
        }
        String lower = s.toLowerCase(Locale.ROOT);
        if (lower.startsWith("jdbc:sqlite:")) {
            return Path.of(s.substring("jdbc:sqlite:".length()));
        }
        if (lower.startsWith("sqlite:")) {
            return Path.of(s.substring("sqlite:".length()));
        }
        if (lower.startsWith("jdbc:") || lower.contains("://")) {
            return null;
        }
        return Path.of(s);
    }

    /** The study {@code name}, or a user error naming the store and the studies it does hold. */
    public StudyInfo find(TrialStore store, String name) {
        return store.findStudy(name).orElseThrow(() -> {
            List<String> names = store.listStudies().stream().map(StudyInfo::name).toList();
            String known = names.isEmpty() ? "it holds no studies"
                    : "studies: " + String.join(", ", names.size() > 10 ? names.subList(0, 10) : names)
                            + (names.size() > 10 ? ", ..." : "");
            return new UserException("no study named '" + name + "' in " + describe() + " (" + known + ")");
        });
    }
}
