package dev.connectome.nas.study;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;

/**
 * Where a study's results came from: the resolved settings (enough to rebuild and re-run it), the
 * seed, the data's SHA-256, the code version, and the machine. Stored as JSON with every study.
 *
 * @param settings      resolved settings (JSON-compatible values: strings, numbers, booleans, lists, maps)
 * @param seed          study seed
 * @param datasetSha256 SHA-256 of the data judged on, or null
 * @param codeVersion   connectome version (jar manifest), or "dev"
 * @param gitCommit     git commit of the code, or null when unknown
 * @param jvm           java.vm.name and java.runtime.version
 * @param os            os.name, os.version, os.arch
 * @param cores         available processors
 * @param recorded      when this was recorded
 */
public record Provenance(Map<String, Object> settings, long seed, String datasetSha256, String codeVersion,
                         String gitCommit, String jvm, String os, int cores, Instant recorded) {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    public Provenance {
        settings = settings == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(settings));
        Objects.requireNonNull(codeVersion, "codeVersion");
        Objects.requireNonNull(jvm, "jvm");
        Objects.requireNonNull(os, "os");
        Objects.requireNonNull(recorded, "recorded");
    }

    /** Provenance of this process now. */
    public static Provenance collect(Map<String, Object> settings, long seed, String datasetSha256) {
        String version = Optional.ofNullable(Provenance.class.getPackage().getImplementationVersion()).orElse("dev");
        return new Provenance(settings, seed, datasetSha256, version, detectGitCommit().orElse(null),
                System.getProperty("java.vm.name", "?") + " " + System.getProperty("java.runtime.version", "?"),
                System.getProperty("os.name", "?") + " " + System.getProperty("os.version", "?") + " "
                        + System.getProperty("os.arch", "?"),
                Runtime.getRuntime().availableProcessors(), Instant.now());
    }

    /** As JSON. */
    public String toJson() {
        ObjectNode node = MAPPER.createObjectNode();
        node.set("settings", MAPPER.valueToTree(settings));
        node.put("seed", seed);
        node.put("datasetSha256", datasetSha256);
        node.put("codeVersion", codeVersion);
        node.put("gitCommit", gitCommit);
        node.put("jvm", jvm);
        node.put("os", os);
        node.put("cores", cores);
        node.put("recorded", recorded.toString());
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("provenance settings are not JSON-compatible: " + e.getOriginalMessage(), e);
        }
    }

    /** Reads {@link #toJson()} output; IllegalArgumentException when it is not provenance JSON. */
    public static Provenance fromJson(String json) {
        try {
            JsonNode n = MAPPER.readTree(json);
            if (n == null || !n.isObject() || !n.has("recorded")) {
                throw new IllegalArgumentException("not provenance JSON: " + json);
            }
            Map<String, Object> settings = MAPPER.convertValue(n.path("settings"), new TypeReference<LinkedHashMap<String, Object>>() { });
            return new Provenance(settings, n.path("seed").asLong(), text(n, "datasetSha256"), n.path("codeVersion").asText("dev"),
                    text(n, "gitCommit"), n.path("jvm").asText("?"), n.path("os").asText("?"), n.path("cores").asInt(),
                    Instant.parse(n.path("recorded").asText()));
        } catch (IOException | java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException("malformed provenance JSON: " + e.getMessage(), e);
        }
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    /**
     * The git commit of the running code when it can be known without running git: a
     * {@code dev/connectome/git.properties} resource ({@code git.commit=...}) written by the build, else
     * the {@code .git} directory above the code's location (a source checkout).
     */
    static Optional<String> detectGitCommit() {
        try (InputStream in = Provenance.class.getResourceAsStream("/dev/connectome/git.properties")) {
            if (in != null) {
                Properties p = new Properties();
                p.load(in);
                String c = p.getProperty("git.commit");
                if (c != null && !c.isBlank()) {
                    return Optional.of(c.trim());
                }
            }
        } catch (IOException ignored) {
            // fall through to the checkout
        }
        try {
            Path here = Path.of(Provenance.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            for (Path dir = here; dir != null; dir = dir.getParent()) {
                Path git = dir.resolve(".git");
                if (Files.isDirectory(git)) {
                    return readHead(git);
                }
            }
        } catch (Exception ignored) {
            // unknown location (e.g. nested jar): commit unknown
        }
        return Optional.empty();
    }

    static Optional<String> readHead(Path git) throws IOException {
        String head = Files.readString(git.resolve("HEAD")).trim();
        if (!head.startsWith("ref: ")) {
            return Optional.of(head);
        }
        String ref = head.substring(5).trim();
        Path refFile = git.resolve(ref);
        if (Files.isRegularFile(refFile)) {
            return Optional.of(Files.readString(refFile).trim());
        }
        Path packed = git.resolve("packed-refs");
        if (Files.isRegularFile(packed)) {
            for (String line : Files.readAllLines(packed)) {
                if (line.endsWith(" " + ref)) {
                    return Optional.of(line.substring(0, line.indexOf(' ')));
                }
            }
        }
        return Optional.empty();
    }
}
