package dev.connectome.nas.study.sql;

import dev.connectome.nas.study.StoreException;
import dev.connectome.nas.study.TrialStore;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;

/**
 * Opens a {@link TrialStore} from what a user types after {@code --storage}:
 * <ul>
 *   <li>nothing (null or blank): SQLite in {@code connectome.db} in the working directory;</li>
 *   <li>a file path, {@code sqlite:FILE} or {@code jdbc:sqlite:FILE}: SQLite in that file;</li>
 *   <li>{@code jdbc:postgresql://HOST[:PORT]/DB?user=U&password=P} (or the same without {@code jdbc:}): PostgreSQL.</li>
 * </ul>
 * Unreachable databases and unsupported URLs give a {@link StoreException} whose message is one line
 * naming the store (never the password).
 */
public final class TrialStores {

    private TrialStores() {
    }

    /** Opens the store named by {@code urlOrPath} on the system clock. */
    public static TrialStore open(String urlOrPath) {
        return open(urlOrPath, Clock.systemUTC());
    }

    /** Opens the store named by {@code urlOrPath}; times come from {@code clock}. */
    public static TrialStore open(String urlOrPath, Clock clock) {
        String s = urlOrPath == null ? "" : urlOrPath.strip();
        if (s.isEmpty()) {
            return new SqliteTrialStore(Path.of(SqliteTrialStore.DEFAULT_FILE), clock, SqliteTrialStore.DEFAULT_BUSY_TIMEOUT);
        }
        String lower = s.toLowerCase(Locale.ROOT);
        if (lower.startsWith("postgresql://") || lower.startsWith("postgres://")) {
            s = "jdbc:postgresql://" + s.substring(s.indexOf("://") + 3);
            lower = s.toLowerCase(Locale.ROOT);
        }
        if (lower.startsWith("jdbc:postgresql:")) {
            if (!lower.startsWith("jdbc:postgresql://")) {
                throw new StoreException("bad PostgreSQL URL '" + PostgresTrialStore.redact(s)
                        + "' (expected jdbc:postgresql://HOST[:PORT]/DATABASE)");
            }
            return new PostgresTrialStore(s, clock);
        }
        String file = null;
        if (lower.startsWith("jdbc:sqlite:")) {
            file = s.substring("jdbc:sqlite:".length());
        } else if (lower.startsWith("sqlite:")) {
            file = s.substring("sqlite:".length());
        } else if (lower.startsWith("jdbc:") || lower.matches("^[a-z][a-z0-9+.-]+://.*")) {
            throw new StoreException("unsupported storage '" + PostgresTrialStore.redact(s)
                    + "' (expected a file path, sqlite:FILE or jdbc:postgresql://HOST[:PORT]/DATABASE)");
        } else {
            file = s;
        }
        if (file.isBlank() || file.startsWith(":memory:")) {
            throw new StoreException("bad SQLite storage '" + s + "' (expected sqlite:FILE with a file name)");
        }
        return new SqliteTrialStore(Path.of(file), clock, SqliteTrialStore.DEFAULT_BUSY_TIMEOUT);
    }
}
