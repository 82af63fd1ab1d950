package dev.connectome.bench;

import com.sun.management.ThreadMXBean;
import dev.connectome.engine.Parallelism;
import dev.connectome.engine.Tape;
import dev.connectome.engine.Tensor;
import dev.connectome.engine.nn.BatchNorm2d;
import dev.connectome.engine.nn.Conv2d;
import dev.connectome.engine.nn.Module;
import dev.connectome.engine.nn.Relu;
import dev.connectome.engine.nn.Sequential;
import dev.connectome.engine.ops.Reductions;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Forward + backward time of NAS-Bench-201-like conv layers: two ReLU → Conv 3×3 (pad 1, no bias)
 * → BatchNorm (training mode) blocks at C channels on H×W planes, batch 128, loss = sum of the
 * output, gradients for the input and all parameters. The same workload as bench/peers/conv_torch.py.
 * Shapes: C16 at 32×32, C32 at 16×16, C64 at 8×8 (NB201's three stages), plus the stage-1 1×1 conv.
 *
 * <p>Prints one line per shape and thread count: the median and the best wall time of the timed
 * steps after warm-up, the median CPU time of the calling thread (with one thread, the figure least
 * disturbed by other processes on a shared machine), and the bytes allocated per step (all threads).
 *
 * <p>Usage: {@code java --add-modules jdk.incubator.vector -cp bench/target/benchmarks.jar
 * dev.connectome.bench.ConvBench [threads=1,2] [steps=10] [shapes=all]}
 */
public final class ConvBench {
    private static final int BATCH = 128;

    /** One workload: channels, plane size, kernel. */
    record Shape(String name, int channels, int size, int kernel) {
    }

    static final List<Shape> SHAPES = List.of(
            new Shape("c16_32x32_k3", 16, 32, 3),
            new Shape("c32_16x16_k3", 32, 16, 3),
            new Shape("c64_8x8_k3", 64, 8, 3),
            new Shape("c16_32x32_k1", 16, 32, 1));

    private ConvBench() {
    }

    public static void main(String[] args) {
        int[] threadCounts = Arrays.stream((args.length > 0 ? args[0] : "1,2").split(","))
                .mapToInt(Integer::parseInt).toArray();
        int steps = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        String only = args.length > 2 ? args[2] : "all";
        for (int threads : threadCounts) {
            try (Parallelism par = Parallelism.of(threads)) {
                for (Shape s : SHAPES) {
                    if (only.equals("all") || Arrays.asList(only.split(",")).contains(s.name())) {
                        run(s, par, steps);
                    }
                }
            }
        }
    }

    private static void run(Shape s, Parallelism par, int steps) {
        SplittableRandom rng = new SplittableRandom(1);
        int c = s.channels();
        Module net = new Sequential(
                new Relu(), new Conv2d(c, c, s.kernel(), 1, s.kernel() / 2, 1, false, rng), new BatchNorm2d(c, true),
                new Relu(), new Conv2d(c, c, s.kernel(), 1, s.kernel() / 2, 1, false, rng), new BatchNorm2d(c, true));
        float[] xs = new float[BATCH * c * s.size() * s.size()];
        for (int i = 0; i < xs.length; i++) {
            xs[i] = (float) rng.nextGaussian();
        }
        Tensor x = Tensor.parameter(xs, BATCH, c, s.size(), s.size());
        Tape tape = Tape.training(par);
        for (int i = 0; i < 3; i++) { // warm-up: JIT, arena and GEMM workspaces
            step(net, tape, x);
        }
        ThreadMXBean mx = (ThreadMXBean) ManagementFactory.getThreadMXBean();
        long bytesBefore = allocatedBytes(mx);
        List<Double> millis = new ArrayList<>();
        List<Double> cpu = new ArrayList<>();
        for (int i = 0; i < steps; i++) {
            long c0 = mx.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            step(net, tape, x);
            millis.add((System.nanoTime() - t0) / 1e6);
            cpu.add((mx.getCurrentThreadCpuTime() - c0) / 1e6);
        }
        long bytes = (allocatedBytes(mx) - bytesBefore) / steps;
        List<Double> sorted = new ArrayList<>(millis);
        sorted.sort(null);
        cpu.sort(null);
        System.out.printf("connectome shape=%s threads=%d ms_median=%.2f ms_best=%.2f cpu_ms_median=%.2f alloc_bytes_per_step=%d%n",
                s.name(), par.threads(), sorted.get(sorted.size() / 2), sorted.get(0), cpu.get(cpu.size() / 2), bytes);
    }

    private static void step(Module net, Tape tape, Tensor x) {
        x.zeroGrad();
        for (Tensor p : net.parameters()) {
            p.zeroGrad();
        }
        Tensor y = net.forward(tape, x);
        tape.backward(Reductions.sum(tape, y));
        tape.reset();
    }

    private static long allocatedBytes(ThreadMXBean mx) {
        long total = 0;
        for (long id : mx.getAllThreadIds()) {
            long b = mx.getThreadAllocatedBytes(id);
            if (b > 0) {
                total += b;
            }
        }
        return total;
    }
}
