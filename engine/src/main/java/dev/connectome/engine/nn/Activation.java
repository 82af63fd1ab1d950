package dev.connectome.engine.nn;

import dev.connectome.engine.Tape;
import dev.connectome.engine.Tensor;
import dev.connectome.engine.ops.Activations;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Elementwise activation functions as parameter-free modules. The set covers WANN's node
 * activations (Gaier &amp; Ha 2019) as well as the usual ones; {@link #id()} is the lowercase name
 * used in configuration and files.
 */
public enum Activation implements Module {
    RELU, TANH, SIGMOID, SIN, COS, GAUSSIAN, ABS, SQUARE, STEP,
    /** The identity. */
    LINEAR;

    @Override
    public Tensor forward(Tape tape, Tensor x) {
        return switch (this) {
            case RELU -> Activations.relu(tape, x);
            case TANH -> Activations.tanh(tape, x);
            case SIGMOID -> Activations.sigmoid(tape, x);
            case SIN -> Activations.sin(tape, x);
            case COS -> Activations.cos(tape, x);
            case GAUSSIAN -> Activations.gaussian(tape, x);
            case ABS -> Activations.abs(tape, x);
            case SQUARE -> Activations.square(tape, x);
            case STEP -> Activations.step(tape, x);
            case LINEAR -> x;
        };
    }

    @Override
    public Map<String, Tensor> namedParameters() {
        return Map.of();
    }

    /** The lowercase name, e.g. "relu". */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The activation called {@code name} (case-insensitive, surrounding spaces ignored). */
    public static Activation parse(String name) {
        if (name != null) {
            String key = name.strip().toUpperCase(Locale.ROOT);
            for (Activation a : values()) {
                if (a.name().equals(key)) {
                    return a;
                }
            }
        }
        throw new IllegalArgumentException("unknown activation '" + name + "'; valid names: "
                + Arrays.stream(values()).map(Activation::id).collect(Collectors.joining(", ")));
    }

    @Override
    public String toString() {
        return id();
    }
}
