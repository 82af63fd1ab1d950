package dev.connectome.nas.wiring;

/**
 * The edges in use at one moment of training: edge i goes from node {@code sources[i]} to node
 * {@code targets[i]} (ids of a {@link WiringLayout}) with weight {@code weights[i]}.
 *
 * @param step          optimizer steps done when the snapshot was taken
 * @param epoch         the (1-based) epoch it was taken in; 0 before training
 * @param trainAccuracy running training accuracy of that epoch, NaN when unknown
 */
public record WiringSnapshot(long step, int epoch, double trainAccuracy, int[] sources, int[] targets,
                             float[] weights) {
    public WiringSnapshot {
        if (sources.length != targets.length || sources.length != weights.length) {
            throw new IllegalArgumentException("snapshot arrays differ in length: " + sources.length + " sources, "
                    + targets.length + " targets, " + weights.length + " weights");
        }
    }

    public int edgeCount() {
        return sources.length;
    }

    /** Edges (as source·nodes + target keys) present here but not in {@code earlier}. */
    public int edgesAddedSince(WiringSnapshot earlier, int nodes) {
        java.util.Set<Long> before = new java.util.HashSet<>();
        for (int i = 0; i < earlier.sources.length; i++) {
            before.add((long) earlier.sources[i] * nodes + earlier.targets[i]);
        }
        int added = 0;
        for (int i = 0; i < sources.length; i++) {
            if (!before.contains((long) sources[i] * nodes + targets[i])) {
                added++;
            }
        }
        return added;
    }
}
