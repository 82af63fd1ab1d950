package dev.connectome.bench;

import dev.connectome.nas.task.TrainingListener;
import dev.connectome.nas.wiring.EdgeSelection;
import java.util.Arrays;

/**
 * Prints, every {@code every} steps, how a block-structured wiring is used: edges swapped since the
 * last report, nodes per block without in-edges (their input is zero, so their output is a constant)
 * and without out-edges (their computation is wasted), and how many edges leave each source block.
 * Used to find out why a learned wiring trails a random one.
 */
final class WiringDiagnostics implements TrainingListener {
    private final EdgeSelection selection;
    private final int[] blockSizes; // input nodes first
    private final int every;
    private boolean[][] previous;
    private long steps;

    WiringDiagnostics(EdgeSelection selection, int[] blockSizes, int every) {
        this.selection = selection;
        this.blockSizes = blockSizes.clone();
        this.every = every;
    }

    @Override
    public void onStep(StepProgress p) {
        steps++;
        if (steps % every != 0) {
            return;
        }
        boolean[][] active = selection.active();
        int blocks = blockSizes.length - 1;
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
        int nodes = Arrays.stream(blockSizes).sum();
        int[] in = new int[nodes], out = new int[nodes];
        int[] fromBlock = new int[blockSizes.length];
        int prefix = blockSizes[0];
        for (int j = 0; j < blocks; j++) {
            int size = blockSizes[j + 1];
            for (int v = 0; v < size; v++) {
                for (int u = 0; u < prefix; u++) {
                    if (active[j][v * prefix + u]) {
                        in[prefix + v]++;
                        out[u]++;
                        fromBlock[blockOf(u)]++;
                    }
                }
            }
            prefix += size;
        }
        StringBuilder noIn = new StringBuilder(), noOut = new StringBuilder();
        int start = 0;
        for (int b = 0; b < blockSizes.length; b++) {
            int zeroIn = 0, zeroOut = 0;
            for (int v = start; v < start + blockSizes[b]; v++) {
                zeroIn += in[v] == 0 ? 1 : 0;
                zeroOut += out[v] == 0 ? 1 : 0;
            }
            noIn.append(b == 0 ? "-" : zeroIn).append(b < blockSizes.length - 1 ? "/" : "");
            noOut.append(b == blockSizes.length - 1 ? "-" : zeroOut).append(b < blockSizes.length - 1 ? "/" : "");
            start += blockSizes[b];
        }
        System.out.printf("    step %d (epoch %d): swapped %d edges in %d steps; nodes w/o in-edges %s; w/o out-edges %s;"
                + " edges from blocks %s; train acc %.3f loss %.3f%n", steps, p.epoch(), swapped, every, noIn, noOut,
                Arrays.toString(fromBlock), p.accuracy(), p.meanLoss());
        previous = new boolean[active.length][];
        for (int j = 0; j < active.length; j++) {
            previous[j] = active[j].clone();
        }
    }

    private int blockOf(int node) {
        int start = 0;
        for (int b = 0; b < blockSizes.length; b++) {
            start += blockSizes[b];
            if (node < start) {
                return b;
            }
        }
        throw new IllegalArgumentException("node " + node);
    }
}
