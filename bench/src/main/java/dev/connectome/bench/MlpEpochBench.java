package dev.connectome.bench;

import com.sun.management.ThreadMXBean;
import dev.connectome.engine.Parallelism;
import dev.connectome.engine.Tape;
import dev.connectome.engine.Tensor;
import dev.connectome.engine.nn.Activation;
import dev.connectome.engine.nn.Mlp;
import dev.connectome.engine.nn.Sequential;
import dev.connectome.engine.ops.Losses;
import dev.connectome.engine.optim.Adam;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Time per epoch of a 784-200-200-10 ReLU MLP, softmax cross-entropy, Adam(1e-3), batch 128, 60,000
 * samples: the same workload as bench/peers/mlp_torch.py. Data are synthetic with MNIST's shapes (the
 * time does not depend on the values). Prints one line per thread count with the median of the timed
 * epochs after one warm-up epoch, and the bytes allocated per training step (all threads) measured
 * over the timed epochs.
 *
 * <p>Usage: {@code java --add-modules jdk.incubator.vector -cp bench/target/benchmarks.jar
 * dev.connectome.bench.MlpEpochBench [threads=1,2] [repeats=3]}
 */
public final class MlpEpochBench {
    private static final int SAMPLES = 60_000;
    private static final int BATCH = 128;
    private static final int FEATURES = 784;

    private MlpEpochBench() {
    }

    public static void main(String[] args) {
        int[] threadCounts = Arrays.stream((args.length > 0 ? args[0] : "1,2").split(","))
                .mapToInt(Integer::parseInt).toArray();
        int repeats = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        SplittableRandom rng = new SplittableRandom(0);
        float[] x = new float[SAMPLES * FEATURES];
        int[] y = new int[SAMPLES];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) rng.nextDouble();
        }
        for (int i = 0; i < y.length; i++) {
            y[i] = rng.nextInt(10);
        }
        for (int threads : threadCounts) {
            try (Parallelism par = Parallelism.of(threads)) {
                run(par, x, y, repeats);
            }
        }
    }

    private static void run(Parallelism par, float[] x, int[] y, int repeats) {
        Sequential model = Mlp.of(FEATURES, new int[] {200, 200}, 10, Activation.RELU, new SplittableRandom(1));
        Adam adam = new Adam(model.parameters(), Adam.Settings.of(1e-3));
        Tape tape = Tape.training(par);
        float loss = epoch(model, adam, tape, x, y); // warm-up: JIT and arena buffers
        ThreadMXBean mx = (ThreadMXBean) ManagementFactory.getThreadMXBean();
        List<Double> millis = new ArrayList<>();
        long bytesBefore = allocatedBytes(mx);
        for (int r = 0; r < repeats; r++) {
            long t0 = System.nanoTime();
            loss = epoch(model, adam, tape, x, y);
            millis.add((System.nanoTime() - t0) / 1e6);
        }
        long bytes = allocatedBytes(mx) - bytesBefore;
        long steps = (long) repeats * (SAMPLES / BATCH);
        List<Double> sorted = new ArrayList<>(millis);
        sorted.sort(null);
        System.out.printf("connectome threads=%d epoch_ms_median=%.1f epochs=%s alloc_bytes_per_step=%d final_loss=%.4f%n",
                par.threads(), sorted.get(sorted.size() / 2), round(millis), bytes / steps, loss);
    }

    private static float epoch(Sequential model, Adam adam, Tape tape, float[] x, int[] y) {
        float loss = Float.NaN;
        for (int start = 0; start + BATCH <= SAMPLES; start += BATCH) {
            Tensor xb = tape.input(x, start * FEATURES, BATCH, FEATURES);
            Tensor l = Losses.softmaxCrossEntropy(tape, model.forward(tape, xb), y, start);
            adam.zeroGrad();
            tape.backward(l);
            adam.step();
            loss = l.item();
            tape.reset();
        }
        return loss;
    }

    /** Bytes allocated so far by all live threads (kernel workers included). */
    private static long allocatedBytes(ThreadMXBean mx) {
        long total = 0;
        for (long b : mx.getThreadAllocatedBytes(mx.getAllThreadIds())) {
            total += Math.max(0, b);
        }
        return total;
    }

    private static String round(List<Double> values) {
        StringBuilder s = new StringBuilder("[");
        for (int i = 0; i < values.size(); i++) {
            s.append(i == 0 ? "" : ",").append(String.format("%.1f", values.get(i)));
        }
        return s.append(']').toString();
    }
}
