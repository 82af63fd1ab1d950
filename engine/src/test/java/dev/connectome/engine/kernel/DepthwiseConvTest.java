package dev.connectome.engine.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.connectome.engine.Parallelism;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The vectorised plane path (strides 1 and 2) against the direct loop (forward, and all three gradients). */
class DepthwiseConvTest {
    @ParameterizedTest(name = "{0}x{1} k{2}x{3} p{4} s{9}, {5} groups x {6} out, batch {7}, {8} threads")
    @CsvSource({
        "7, 7, 3, 3, 1, 5, 1, 3, 1, 1",
        "7, 7, 3, 3, 1, 4, 2, 2, 2, 1",
        "8, 5, 3, 3, 0, 3, 1, 2, 1, 1",
        "6, 9, 5, 3, 2, 2, 3, 2, 1, 1",
        "1, 1, 3, 3, 1, 2, 1, 2, 1, 1",
        "28, 28, 3, 3, 1, 2, 1, 2, 2, 1",
        "4, 4, 1, 1, 0, 3, 1, 2, 1, 1",
        "14, 14, 3, 3, 1, 4, 1, 3, 1, 2",
        "13, 9, 3, 3, 1, 2, 2, 2, 2, 2",
        "8, 8, 5, 3, 2, 3, 1, 2, 1, 2",
        "9, 9, 3, 3, 0, 2, 1, 2, 1, 2",
    })
    void planePathEqualsTheDirectLoop(int h, int w, int kh, int kw, int p, int groups, int og, int batch,
                                          int threads, int stride) {
        ConvGeometry geo = new ConvGeometry(1, h, w, kh, kw, stride, p);
        assertThat(PlaneDepthwise.applies(geo)).isTrue();
        SplittableRandom rng = new SplittableRandom(h * 1000 + w * 100 + kh * 10 + p);
        int o = groups * og, taps = kh * kw, outPlane = geo.outHeight() * geo.outWidth();
        float[] x = random(rng, batch * groups * h * w);
        float[] wt = random(rng, o * taps);
        float[] bias = random(rng, o);
        float[] gy = random(rng, batch * o * outPlane);
        float[] fast = new float[batch * o * outPlane], direct = new float[fast.length];
        // gradients start non-zero: both paths must accumulate, not overwrite
        float[] gxFast = random(new SplittableRandom(1), x.length), gxDirect = gxFast.clone();
        float[] gwFast = random(new SplittableRandom(2), wt.length), gwDirect = gwFast.clone();
        float[] gbFast = random(new SplittableRandom(3), o), gbDirect = gbFast.clone();
        try (Parallelism par = Parallelism.of(threads)) {
            DepthwiseConv.forward(x, wt, bias, fast, geo, batch, groups, og, par);
            DepthwiseConv.forwardDirect(x, wt, bias, direct, geo, batch, groups, og, par);
            DepthwiseConv.backward(x, wt, gy, gxFast, gwFast, gbFast, geo, batch, groups, og, par);
            DepthwiseConv.backwardDirect(x, wt, gy, gxDirect, gwDirect, gbDirect, geo, batch, groups, og, par);
        }
        assertClose(fast, direct);
        assertClose(gxFast, gxDirect);
        assertClose(gwFast, gwDirect);
        assertClose(gbFast, gbDirect);
    }

    @ParameterizedTest(name = "only x gradient: {0}")
    @CsvSource({"true", "false"})
    void skipsTheGradientsNotAskedFor(boolean wantX) {
        ConvGeometry geo = new ConvGeometry(1, 7, 7, 3, 3, 1, 1);
        SplittableRandom rng = new SplittableRandom(9);
        float[] x = random(rng, 2 * 3 * 49), wt = random(rng, 27), gy = random(rng, 2 * 3 * 49);
        float[] gxFast = new float[x.length], gxDirect = new float[x.length];
        float[] gwFast = new float[wt.length], gwDirect = new float[wt.length];
        Parallelism par = Parallelism.single();
        DepthwiseConv.backward(x, wt, gy, wantX ? gxFast : null, wantX ? null : gwFast, null, geo, 2, 3, 1, par);
        DepthwiseConv.backwardDirect(x, wt, gy, wantX ? gxDirect : null, wantX ? null : gwDirect, null, geo, 2, 3, 1,
                par);
        assertClose(gxFast, gxDirect);
        assertClose(gwFast, gwDirect);
        assertThat(wantX ? gwFast : gxFast).containsOnly(0f);
    }

    private static float[] random(SplittableRandom rng, int n) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) rng.nextDouble(-1, 1);
        }
        return v;
    }

    private static void assertClose(float[] actual, float[] expected) {
        assertThat(actual).hasSameSizeAs(expected);
        for (int i = 0; i < actual.length; i++) {
            assertThat(actual[i]).as("index %d", i).isCloseTo(expected[i], within(1e-4f * Math.max(1, Math.abs(expected[i]))));
        }
    }
}
