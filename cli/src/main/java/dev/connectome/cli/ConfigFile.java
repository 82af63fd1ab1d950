package dev.connectome.cli;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Settings from a YAML file given with {@code -c/--config}: a flat mapping whose keys are the long
 * option names of the command without dashes ({@code epochs: 5}, {@code hidden: [200, 200]}).
 * The values become the options' defaults, so flags on the command line override them; a key that
 * is not an option of the command is an error naming the key.
 */
final class ConfigFile implements CommandLine.IDefaultValueProvider {
    private final Path path;
    private final Map<String, String> values;

    private ConfigFile(Path path, Map<String, String> values) {
        this.path = path;
        this.values = Collections.unmodifiableMap(values);
    }

    /** No file: provides nothing. */
    static ConfigFile none() {
        return new ConfigFile(null, new LinkedHashMap<>());
    }

    Path path() {
        return path;
    }

    Map<String, String> values() {
        return values;
    }

    /**
     * The config file named in {@code args} ({@code -c F}, {@code -cF}, {@code --config F},
     * {@code --config=F}; options after {@code --} are not looked at), or null.
     */
    static Path findIn(String[] args) {
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--")) {
                return null;
            }
            if ((a.equals("-c") || a.equals("--config"))) {
                if (i + 1 >= args.length) {
                    return null; // picocli reports the missing value
                }
                return Path.of(args[i + 1]);
            }
            if (a.startsWith("--config=")) {
                return Path.of(a.substring("--config=".length()));
            }
            if (a.startsWith("-c") && a.length() > 2 && !a.startsWith("--")) {
                return Path.of(a.substring(2).startsWith("=") ? a.substring(3) : a.substring(2));
            }
        }
        return null;
    }

    /** Reads and checks the file; every problem is a {@link UserException} naming the file. */
    static ConfigFile load(Path path) {
        String text;
        try {
            text = Files.readString(path);
        } catch (NoSuchFileException e) {
            throw new UserException("config file not found: " + path);
        } catch (IOException e) {
            throw new UserException("cannot read config file " + path + ": " + e.getMessage());
        }
        JsonNode root;
        try {
            root = new ObjectMapper(new YAMLFactory()).readTree(text);
        } catch (JacksonException e) {
            String where = e.getLocation() != null ? " at line " + e.getLocation().getLineNr() : "";
            throw new UserException("config file " + path + " is not valid YAML" + where + ": "
                    + ErrorReporter.oneLine(e.getOriginalMessage()));
        } catch (IOException e) {
            throw new UserException("cannot read config file " + path + ": " + e.getMessage());
        }
        Map<String, String> values = new LinkedHashMap<>();
        if (root == null || root.isMissingNode() || root.isNull()) {
            return new ConfigFile(path, values); // an empty file sets nothing
        }
        if (!root.isObject()) {
            throw new UserException("config file " + path + " must be a mapping of option names to values, found "
                    + root.getNodeType().toString().toLowerCase(java.util.Locale.ROOT));
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            values.put(e.getKey(), scalarText(path, e.getKey(), e.getValue()));
        }
        return new ConfigFile(path, values);
    }

    private static String scalarText(Path path, String key, JsonNode v) {
        if (v.isValueNode()) {
            return v.asText();
        }
        if (v.isArray()) { // lists become the comma-separated form the options split on
            List<String> parts = new ArrayList<>();
            for (JsonNode item : v) {
                if (!item.isValueNode()) {
                    throw new UserException("config file " + path + ": key '" + key + "' must be a value or a list of values");
                }
                parts.add(item.asText());
            }
            return String.join(",", parts);
        }
        throw new UserException("config file " + path + ": key '" + key + "' must be a value or a list of values, not a mapping");
    }

    /** Fails on keys that are not long options of {@code command} (or are not settable from a file). */
    void checkKeys(CommandSpec command) {
        for (String key : values.keySet()) {
            OptionSpec opt = option(command, key);
            if (opt == null) {
                TreeSet<String> valid = new TreeSet<>();
                for (OptionSpec o : command.options()) {
                    String name = key(o);
                    if (name != null && settable(o)) {
                        valid.add(name);
                    }
                }
                throw new UserException("config file " + path + ": unknown key '" + key + "' for '"
                        + command.qualifiedName() + "' (valid keys: " + String.join(", ", valid) + ")");
            }
        }
    }

    @Override
    public String defaultValue(ArgSpec arg) {
        if (values.isEmpty() || !(arg instanceof OptionSpec opt) || !settable(opt)) {
            return null;
        }
        String key = key(opt);
        return key == null ? null : values.get(key);
    }

    private static OptionSpec option(CommandSpec command, String key) {
        for (OptionSpec o : command.options()) {
            if (key.equals(key(o)) && settable(o)) {
                return o;
            }
        }
        return null;
    }

    /** The YAML key of an option: its long name without the leading dashes. */
    private static String key(OptionSpec o) {
        String longest = o.longestName();
        return longest.startsWith("--") ? longest.substring(2) : null;
    }

    private static boolean settable(OptionSpec o) {
        return !o.usageHelp() && !o.versionHelp() && !"--config".equals(o.longestName());
    }
}
