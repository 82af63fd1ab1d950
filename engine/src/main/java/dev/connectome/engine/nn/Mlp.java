package dev.connectome.engine.nn;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/** Multi-layer perceptrons as {@link Sequential} stacks of {@link Linear} layers and activations. */
public final class Mlp {
    private Mlp() {
    }

    /**
     * {@code Linear(inputs, h0), act, Linear(h0, h1), act, …, Linear(hLast, outputs)} with PyTorch's
     * default Linear initialisation ({@link Init#torchLinearDefault()}) and biases; no activation
     * after the last layer (it produces logits). Layers are initialised in order from {@code rng}.
     */
    public static Sequential of(int inputs, int[] hidden, int outputs, Activation act, RandomGenerator rng) {
        return of(inputs, hidden, outputs, act, Init.torchLinearDefault(), rng);
    }

    /** As {@link #of(int, int[], int, Activation, RandomGenerator)} with another initialiser. */
    public static Sequential of(int inputs, int[] hidden, int outputs, Activation act, Init init, RandomGenerator rng) {
        List<Module> layers = new ArrayList<>();
        int width = inputs;
        for (int h : hidden) {
            layers.add(new Linear(width, h, true, init, rng));
            layers.add(act);
            width = h;
        }
        layers.add(new Linear(width, outputs, true, init, rng));
        return new Sequential(layers);
    }
}
