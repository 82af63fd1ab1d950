package dev.connectome.nas.graph;

import java.util.Arrays;

/**
 * Roulette weights of WANN's four topological mutations and the activations a hidden node may take
 * (WANNRelease p/*.json: prob_addConn, prob_addNode, prob_enable, prob_mutAct, ann_actRange).
 *
 * @param addConnection     weight of add-connection
 * @param addNode           weight of add-node
 * @param enable            weight of enable
 * @param changeActivation  weight of change-activation
 * @param hiddenActivations activation ids new and mutated hidden nodes draw from (non-empty, 1..11)
 */
public record MutationSettings(double addConnection, double addNode, double enable, double changeActivation,
                               int[] hiddenActivations) {
    public MutationSettings {
        double[] w = {addConnection, addNode, enable, changeActivation};
        for (double p : w) {
            if (!(p >= 0) || Double.isInfinite(p)) {
                throw new IllegalArgumentException("mutation weights must be finite and non-negative, got " + Arrays.toString(w));
            }
        }
        if (addConnection + addNode + enable + changeActivation <= 0) {
            throw new IllegalArgumentException("at least one mutation weight must be positive");
        }
        if (hiddenActivations == null || hiddenActivations.length == 0) {
            throw new IllegalArgumentException("hiddenActivations must not be empty");
        }
        hiddenActivations = hiddenActivations.clone();
        for (int a : hiddenActivations) {
            if (!WannActivation.isValid(a)) {
                throw new IllegalArgumentException("activation id " + a + " is outside 1.." + WannActivation.MAX_ID);
            }
        }
    }

    /** Swing-up: addConn 0.20, addNode 0.25, enable 0.05, mutAct 0.50; activations 1..10. */
    public static MutationSettings swingup() {
        return new MutationSettings(0.20, 0.25, 0.05, 0.50, new int[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10});
    }

    /** MNIST256: the same weights; activations 1, 3..10 (no step function). */
    public static MutationSettings mnist256() {
        return new MutationSettings(0.20, 0.25, 0.05, 0.50, new int[] {1, 3, 4, 5, 6, 7, 8, 9, 10});
    }

    /** A copy of the activation range. */
    @Override
    public int[] hiddenActivations() {
        return hiddenActivations.clone();
    }

    /** The roulette weights in the order addConnection, addNode, enable, changeActivation. */
    double[] weights() {
        return new double[] {addConnection, addNode, enable, changeActivation};
    }

    int activationCount() {
        return hiddenActivations.length;
    }

    int activation(int i) {
        return hiddenActivations[i];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MutationSettings m && addConnection == m.addConnection && addNode == m.addNode
                && enable == m.enable && changeActivation == m.changeActivation
                && Arrays.equals(hiddenActivations, m.hiddenActivations);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(new double[] {addConnection, addNode, enable, changeActivation}) * 31
                + Arrays.hashCode(hiddenActivations);
    }

    @Override
    public String toString() {
        return "MutationSettings[addConnection=" + addConnection + ", addNode=" + addNode + ", enable=" + enable
                + ", changeActivation=" + changeActivation + ", hiddenActivations=" + Arrays.toString(hiddenActivations) + "]";
    }
}
