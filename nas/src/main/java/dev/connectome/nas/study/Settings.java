package dev.connectome.nas.study;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;

/** JSON form of resolved settings maps. */
public final class Settings {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Settings() {
    }

    /** Settings as a JSON object. */
    public static String toJson(Map<String, Object> settings) {
        try {
            return MAPPER.writeValueAsString(settings);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("settings are not JSON-compatible: " + e.getOriginalMessage(), e);
        }
    }

    /** A JSON object as a settings map (insertion order kept). */
    public static Map<String, Object> fromJson(String json) {
        try {
            return MAPPER.readValue(json, new TypeReference<LinkedHashMap<String, Object>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("malformed settings JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** The string at {@code key}; IllegalArgumentException naming the key when absent or not a string. */
    public static String string(Map<String, Object> m, String key) {
        if (!(m.get(key) instanceof String s)) {
            throw new IllegalArgumentException("setting '" + key + "' must be a string, got " + m.get(key));
        }
        return s;
    }

    /** The string at {@code key}, or {@code fallback} when absent (settings stored by older versions). */
    public static String string(Map<String, Object> m, String key, String fallback) {
        return m.get(key) == null && fallback != null ? fallback : string(m, key);
    }

    /** The number at {@code key}; IllegalArgumentException naming the key when absent or not a number. */
    public static Number number(Map<String, Object> m, String key) {
        if (!(m.get(key) instanceof Number n)) {
            throw new IllegalArgumentException("setting '" + key + "' must be a number, got " + m.get(key));
        }
        return n;
    }

    /** The number at {@code key}, or {@code fallback} when absent (settings stored by older versions). */
    public static Number number(Map<String, Object> m, String key, Number fallback) {
        return m.get(key) == null && fallback != null ? fallback : number(m, key);
    }

    /** The number at {@code key} as a double, or null when absent. */
    public static Double optional(Map<String, Object> m, String key) {
        return m.get(key) == null ? null : number(m, key).doubleValue();
    }
}
