package dev.connectome.nas.wiring;

import java.util.List;

/**
 * A graph's wiring over a training run, for the wiring viewer.
 *
 * @param title     what was trained, e.g. "DNW neuron graph on MNIST, 3000 edges"
 * @param layout    the nodes
 * @param snapshots in training order
 */
public record WiringHistory(String title, WiringLayout layout, List<WiringSnapshot> snapshots) {
    public WiringHistory {
        snapshots = List.copyOf(snapshots);
    }
}
