package dev.connectome.bench;

import dev.connectome.engine.Parallelism;
import dev.connectome.engine.kernel.Sgemm;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * SGEMM {@code C = A·B} (no transposition, beta 0) on the shapes of an MLP training step and a
 * square reference, on 1 and 2 threads. Reports microseconds per call; {@code bench/run-sgemm.sh}
 * turns that into GFLOP/s (2·m·n·k per call) next to numpy/OpenBLAS on the same shapes.
 *
 * <p>Shapes are {@code m x k x n}: (128×784)·(784×200), (128×200)·(200×200), 512³.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "-Xmx2g"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 30, time = 100, timeUnit = TimeUnit.MILLISECONDS)
public class SgemmBench {

    @Param({"128x784x200", "128x200x200", "512x512x512"})
    public String shape;

    @Param({"1", "2"})
    public int threads;

    private int m;
    private int k;
    private int n;
    private float[] a;
    private float[] b;
    private float[] c;
    private Parallelism par;

    @Setup(Level.Trial)
    public void setUp() {
        String[] parts = shape.split("x");
        m = Integer.parseInt(parts[0]);
        k = Integer.parseInt(parts[1]);
        n = Integer.parseInt(parts[2]);
        SplittableRandom rng = new SplittableRandom(42);
        a = random(rng, m * k);
        b = random(rng, k * n);
        c = new float[m * n];
        par = Parallelism.of(threads);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        par.close();
    }

    @Benchmark
    public float[] gemm() {
        Sgemm.gemm(false, false, m, n, k, a, 0, k, b, 0, n, 0f, c, 0, n, par);
        return c;
    }

    private static float[] random(SplittableRandom rng, int size) {
        float[] x = new float[size];
        for (int i = 0; i < size; i++) {
            x[i] = (float) (rng.nextDouble() * 2 - 1);
        }
        return x;
    }
}
