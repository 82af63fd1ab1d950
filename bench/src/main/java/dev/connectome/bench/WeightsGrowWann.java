package dev.connectome.bench;

import dev.connectome.engine.Parallelism;
import dev.connectome.nas.data.Dataset;
import dev.connectome.nas.graph.GraphNet;
import dev.connectome.nas.graph.MutationSettings;
import dev.connectome.nas.graph.Mutations;
import dev.connectome.nas.graph.NeuronGraph;
import dev.connectome.nas.graph.NodeMajorInput;
import dev.connectome.nas.graph.WannOutFormat;
import dev.connectome.nas.weights.Mnist256Splits;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Evolves a stand-in MNIST256 WANN for the weight-training experiments when no searched one is at
 * hand (the paper's 1849-connection champion is not published): a short elitist weight-agnostic
 * evolution, fitness = mean over the six standard shared weights of −cross-entropy on 1000 training
 * images drawn per generation. It starts denser than WANN search (prob_initEnable 0.5) and favours
 * add-connection so that a few hundred generations reach a network of the paper's size.
 *
 * <p>Usage: {@code WeightsGrowWann dataDir generations population seed out.out}
 */
public final class WeightsGrowWann {
    private static final float[] SHARED = {-2, -1, -0.5f, 0.5f, 1, 2};

    private WeightsGrowWann() {
    }

    public static void main(String[] args) {
        Path dir = Path.of(args.length > 0 ? args[0] : "../shared/data");
        int generations = args.length > 1 ? Integer.parseInt(args[1]) : 400;
        int pop = args.length > 2 ? Integer.parseInt(args[2]) : 32;
        long seed = args.length > 3 ? Long.parseLong(args[3]) : 1;
        Path out = Path.of(args.length > 4 ? args[4] : "mnist256-grown.out");
        Dataset train = Mnist256Splits.load(dir).train();
        SplittableRandom rng = new SplittableRandom(seed);
        MutationSettings base = MutationSettings.mnist256();
        MutationSettings grow = new MutationSettings(0.6, 0.25, 0.05, 0.10, base.hiddenActivations());
        NeuronGraph[] population = new NeuronGraph[pop];
        for (int i = 0; i < pop; i++) {
            population[i] = NeuronGraph.initial(256, 10, 0.5, rng.split());
        }
        long start = System.nanoTime();
        try (Parallelism par = Parallelism.of(Runtime.getRuntime().availableProcessors())) {
            double[] fitness = new double[pop];
            for (int g = 0; g < generations; g++) {
                int[] idx = Arrays.copyOf(Dataset.permutation(train.size(), rng), 1000);
                Dataset batch = train.subset(idx);
                NodeMajorInput in = NodeMajorInput.of(batch.features(), 1000, 256);
                NeuronGraph[] current = population;
                par.forEach(pop, i -> fitness[i] = sharedFitness(GraphNet.compile(current[i]), in, batch.labels()));
                Integer[] order = new Integer[pop];
                for (int i = 0; i < pop; i++) {
                    order[i] = i;
                }
                Arrays.sort(order, Comparator.comparingDouble(i -> -fitness[i]));
                int elite = Math.max(1, pop / 4);
                NeuronGraph[] next = new NeuronGraph[pop];
                for (int i = 0; i < elite; i++) {
                    next[i] = current[order[i]];
                }
                for (int i = elite; i < pop; i++) {
                    next[i] = Mutations.mutate(current[order[rng.nextInt(elite)]], grow, rng);
                }
                if (g % 20 == 0 || g == generations - 1) {
                    NeuronGraph b = current[order[0]];
                    System.out.printf(Locale.ROOT, "gen %d fitness %.4f connections %d hidden %d (%.0f s)%n", g,
                            fitness[order[0]], b.enabledConnectionCount(), b.hiddenCount(), (System.nanoTime() - start) / 1e9);
                }
                if (g == generations - 1) {
                    WannOutFormat.write(b(current, order), out);
                }
                population = next;
            }
        }
        System.out.println("wrote " + out);
    }

    private static NeuronGraph b(NeuronGraph[] p, Integer[] order) {
        return p[order[0]];
    }

    private static double sharedFitness(GraphNet net, NodeMajorInput in, int[] labels) {
        float[] out = new float[in.batch() * 10];
        float[] scratch = new float[net.scratchSize(in.batch())];
        double total = 0;
        for (float w : SHARED) {
            net.forwardShared(in, w, out, scratch);
            double ce = 0;
            for (int b = 0; b < in.batch(); b++) {
                double max = Double.NEGATIVE_INFINITY;
                for (int k = 0; k < 10; k++) {
                    max = Math.max(max, out[b * 10 + k]);
                }
                double z = 0;
                for (int k = 0; k < 10; k++) {
                    z += Math.exp(out[b * 10 + k] - max);
                }
                ce += Math.log(z) - (out[b * 10 + labels[b]] - max);
            }
            total -= Double.isFinite(ce) ? ce / in.batch() : 1e9;
        }
        return total / SHARED.length;
    }
}
