package dev.connectome.bench;

import dev.connectome.nas.task.TrainingListener;
import dev.connectome.nas.wiring.EdgeSelection;
import dev.connectome.nas.wiring.WiringLayout;
import java.util.Arrays;

/**
 * Prints, every {@code every} steps, how a block-structured wiring is used: edges swapped since the
 * last report, nodes per block without in-edges (their input is zero, so their output is a constant)
 * and without out-edges (their computation is wasted), and how many edges leave each source block.
 * Used to find out why a learned wiring trails a random one.
 */
final class WiringDiagnostics implements TrainingListener {
    private final EdgeSelection selection;
    private final WiringLayout layout; // input nodes first; weight tensor j feeds block j + 1
    private final int every;
    private boolean[][] previous;
    private long steps;

    WiringDiagnostics(EdgeSelection selection, WiringLayout layout, int every) {
        this.selection = selection;
        this.layout = layout;
        this.every = every;
    }

    @Override
    public void onStep(StepProgress p) {
        steps++;
        if (steps % every != 0) {
            return;
        }
        boolean[][] active = selection.active();
        int blockCount = layout.blocks().size();
        long swapped = 0;
        if (previous != null) {
            for (int j = 0; j < active.length; j++) {
                for (int i = 0; i < active[j].length; i++) {
                    if (active[j][i] && !previous[j][i]) {
                        swapped++;
                    }
                }
            }
        }
        int nodes = layout.nodeCount();
        int[] in = new int[nodes], out = new int[nodes];
        int[] fromBlock = new int[blockCount];
        int prefix = layout.blocks().get(0).size();
        for (int j = 0; j < blockCount - 1; j++) {
            int size = layout.blocks().get(j + 1).size();
            for (int v = 0; v < size; v++) {
                for (int u = 0; u < prefix; u++) {
                    if (active[j][v * prefix + u]) {
                        in[prefix + v]++;
                        out[u]++;
                        fromBlock[layout.blockOf(u)]++;
                    }
                }
            }
            prefix += size;
        }
        StringBuilder noIn = new StringBuilder(), noOut = new StringBuilder();
        for (int b = 0; b < blockCount; b++) {
            int zeroIn = 0, zeroOut = 0, start = layout.firstNode(b);
            for (int v = start; v < start + layout.blocks().get(b).size(); v++) {
                zeroIn += in[v] == 0 ? 1 : 0;
                zeroOut += out[v] == 0 ? 1 : 0;
            }
            noIn.append(b == 0 ? "-" : zeroIn).append(b < blockCount - 1 ? "/" : "");
            noOut.append(b == blockCount - 1 ? "-" : zeroOut).append(b < blockCount - 1 ? "/" : "");
        }
        System.out.printf("    step %d (epoch %d): swapped %d edges in %d steps; nodes w/o in-edges %s;"
                        + " w/o out-edges %s; edges from blocks %s; train acc %.3f loss %.3f%n", steps, p.epoch(), swapped,
                every, noIn, noOut, Arrays.toString(fromBlock), p.accuracy(), p.meanLoss());
        previous = new boolean[active.length][];
        for (int j = 0; j < active.length; j++) {
            previous[j] = active[j].clone();
        }
    }
}
