package dev.connectome.bench;

import dev.connectome.nas.subspace.FastfoodProjection;
import dev.connectome.nas.subspace.InterleavedFastfood;
import dev.connectome.nas.subspace.Projection;
import dev.connectome.nas.subspace.Fwht;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Time of the Fastfood pieces alone (one thread, CPU time of this thread and wall time): a
 * 1024-point Walsh–Hadamard transform, and P·ω and Pᵀ·g of the MNIST FC projection (D = 199,210,
 * d = 1000, blocks of 1024), so their share of a training step can be read next to SubspaceStep.
 *
 * <p>Usage: {@code java --add-modules jdk.incubator.vector -cp bench/target/benchmarks.jar
 * dev.connectome.bench.SubspaceKernels [D] [d] [rounds] [interleaved|plain-layout]}: the registered
 * interleaved layout ({@link InterleavedFastfood}) or the earlier one-block-at-a-time layout.
 */
public final class SubspaceKernels {
    private SubspaceKernels() {
    }

    public static void main(String[] args) {
        int ambient = args.length > 0 ? Integer.parseInt(args[0]) : 199_210;
        int dim = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        SplittableRandom rng = new SplittableRandom(3);
        int l = FastfoodProjection.defaultBlockLength(ambient, dim);
        Projection p = args.length > 3 && args[3].equals("plain-layout") ? FastfoodProjection.create(ambient, dim, l, rng)
                : InterleavedFastfood.create(ambient, dim, l, rng);
        float[] omega = new float[dim];
        float[] g = new float[ambient];
        for (int i = 0; i < dim; i++) {
            omega[i] = (float) rng.nextGaussian();
        }
        for (int i = 0; i < ambient; i++) {
            g[i] = (float) rng.nextGaussian();
        }
        float[] theta = new float[ambient];
        float[] back = new float[dim];
        float[] scratch = new float[p.scratchLength()];
        float[] block = new float[1024];
        for (int i = 0; i < block.length; i++) {
            block[i] = (float) rng.nextGaussian() * 1e-3f;
        }
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        System.out.println(p + ", rounds " + rounds + ", load average "
                + ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        for (int r = 0; r < rounds; r++) {
            int n = 20_000;
            long c0 = mx.getCurrentThreadCpuTime(), t0 = System.nanoTime();
            for (int i = 0; i < n; i++) {
                Fwht.transform(block, 0, 1024);
                if ((i & 1) == 1) {
                    scale(block, 1f / 1024);
                }
            }
            long c1 = mx.getCurrentThreadCpuTime(), t1 = System.nanoTime();
            int m = 200;
            for (int i = 0; i < m; i++) {
                p.project(omega, theta, scratch);
            }
            long c2 = mx.getCurrentThreadCpuTime(), t2 = System.nanoTime();
            for (int i = 0; i < m; i++) {
                p.projectTranspose(g, back, scratch);
            }
            long c3 = mx.getCurrentThreadCpuTime(), t3 = System.nanoTime();
            System.out.printf(Locale.ROOT, "round %d: fwht1024 %.2f us (cpu %.2f)  project %.3f ms (cpu %.3f)  transpose %.3f ms (cpu %.3f)  [%s]%n",
                    r, (t1 - t0) / 1e3 / n, (c1 - c0) / 1e3 / n, (t2 - t1) / 1e6 / m, (c2 - c1) / 1e6 / m,
                    (t3 - t2) / 1e6 / m, (c3 - c2) / 1e6 / m, theta[7] + back[3] + block[5]);
        }
    }

    private static void scale(float[] a, float s) {
        for (int i = 0; i < a.length; i++) {
            a[i] *= s;
        }
    }
}
