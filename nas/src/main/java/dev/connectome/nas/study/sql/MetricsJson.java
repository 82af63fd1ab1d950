package dev.connectome.nas.study.sql;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.connectome.nas.study.StoreException;
import java.util.Map;
import java.util.TreeMap;

/** Trial metrics as a JSON object of numbers; NaN and infinities are written as the strings Jackson reads back. */
final class MetricsJson {

    // Configured once and never changed afterwards, so sharing it between threads is safe.
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final TypeReference<TreeMap<String, Double>> TYPE = new TypeReference<>() { };

    private MetricsJson() {
    }

    static String write(Map<String, Double> metrics) {
        if (metrics == null || metrics.isEmpty()) {
            return "{}";
        }
        try {
            return MAPPER.writeValueAsString(new TreeMap<>(metrics));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("metrics cannot be written as JSON: " + e.getOriginalMessage(), e);
        }
    }

    static Map<String, Double> read(String json) {
        if (json == null || json.isBlank() || json.equals("{}")) {
            return Map.of();
        }
        try {
            return MAPPER.readValue(json, TYPE);
        } catch (JsonProcessingException e) {
            throw new StoreException("stored trial metrics are not a JSON object of numbers: " + e.getOriginalMessage(), e);
        }
    }
}
