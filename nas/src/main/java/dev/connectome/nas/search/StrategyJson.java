package dev.connectome.nas.search;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Shared JSON plumbing for strategy snapshots. */
final class StrategyJson {

    static final ObjectMapper MAPPER = new ObjectMapper();

    private StrategyJson() {
    }

    static ObjectNode object(String strategy) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("strategy", strategy);
        return node;
    }

    static String write(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write strategy snapshot", e);
        }
    }

    /** Parses a snapshot and checks it belongs to {@code strategy}. */
    static JsonNode expectStrategy(String json, String strategy) {
        JsonNode node;
        try {
            node = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("malformed " + strategy + " strategy snapshot: " + e.getOriginalMessage());
        }
        if (node == null || !node.isObject() || !strategy.equals(node.path("strategy").asText())) {
            throw new IllegalArgumentException("not a " + strategy + " strategy snapshot: " + abbreviate(json));
        }
        return node;
    }

    static String abbreviate(String s) {
        return s == null ? "null" : s.length() <= 80 ? s : s.substring(0, 77) + "...";
    }
}
