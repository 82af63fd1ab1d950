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
}
