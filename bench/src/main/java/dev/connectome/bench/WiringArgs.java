package dev.connectome.bench;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/** key=value arguments of the wiring benchmarks. */
final class WiringArgs {
    private final Map<String, String> values;

    private WiringArgs(Map<String, String> values) {
        this.values = values;
    }

    static WiringArgs parse(String[] args) {
        Map<String, String> m = new HashMap<>();
        for (String a : args) {
            int eq = a.indexOf('=');
            if (eq <= 0) {
                System.err.println("expected key=value, got '" + a + "'");
                System.exit(2);
            }
            m.put(a.substring(0, eq), a.substring(eq + 1));
        }
        return new WiringArgs(m);
    }

    String get(String key, String fallback) {
        return values.getOrDefault(key, fallback);
    }

    int integer(String key, int fallback) {
        return Integer.parseInt(get(key, Integer.toString(fallback)));
    }

    double decimal(String key, double fallback) {
        return Double.parseDouble(get(key, Double.toString(fallback)));
    }

    long[] longs(String key, String fallback) {
        return Arrays.stream(get(key, fallback).split(",")).mapToLong(Long::parseLong).toArray();
    }

    int[] ints(String key, String fallback) {
        return Arrays.stream(get(key, fallback).split(",")).mapToInt(Integer::parseInt).toArray();
    }
}
