package dev.connectome.nas.wiring;

import dev.connectome.engine.nn.Module;

/** A module built on a static neural graph whose current wiring can be read out for viewing. */
public interface WiredModule extends Module {
    /** The graph's nodes. */
    WiringLayout layout();

    /** The edges chosen by the last forward pass (none before the first one). */
    WiringSnapshot snapshot(long step, int epoch, double trainAccuracy);

    /** The edge choice of the graph's weights. */
    EdgeSelection selection();
}
