package dev.connectome.report.wiring;

import dev.connectome.nas.wiring.WiringHistory;
import dev.connectome.nas.wiring.WiringLayout;
import dev.connectome.nas.wiring.WiringSnapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** A synthetic wiring history: 64 grid inputs, two hidden blocks, 10 outputs; edges drift frame by frame. */
final class WiringFixtures {
    private WiringFixtures() {
    }

    static WiringHistory history(int frames, int edges) {
        WiringLayout layout = new WiringLayout(List.of(new WiringLayout.Block("input", 64, 8),
                new WiringLayout.Block("block 1", 20, 0), new WiringLayout.Block("block 2", 20, 0),
                new WiringLayout.Block("output", 10, 0)));
        int[] first = {0, 64, 84, 104};
        int[] size = {64, 20, 20, 10};
        SplittableRandom rng = new SplittableRandom(1);
        List<WiringSnapshot> snaps = new ArrayList<>();
        for (int f = 0; f < frames; f++) {
            int[] src = new int[edges], dst = new int[edges];
            float[] w = new float[edges];
            for (int e = 0; e < edges; e++) {
                int tb = 1 + rng.nextInt(3), sb = rng.nextInt(tb);
                // frames differ: the first frame favours the top of each block, the last the bottom
                int shift = f * size[sb] / Math.max(1, frames);
                src[e] = first[sb] + (rng.nextInt(size[sb]) / 2 + shift) % size[sb];
                dst[e] = first[tb] + rng.nextInt(size[tb]);
                w[e] = (float) rng.nextGaussian();
            }
            snaps.add(new WiringSnapshot(f * 10L, 1 + f / 5, 0.1 + 0.8 * f / frames, src, dst, w));
        }
        return new WiringHistory("synthetic wiring", layout, snaps);
    }
}
