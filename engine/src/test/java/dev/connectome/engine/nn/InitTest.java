package dev.connectome.engine.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class InitTest {
    private static final int N = 100_000;
    private static final int FAN_IN = 300;
    private static final int FAN_OUT = 100;

    private static float[] sample(Init init) {
        float[] v = new float[N];
        init.fill(v, FAN_IN, FAN_OUT, new SplittableRandom(7));
        return v;
    }

    private static double mean(float[] v) {
        double s = 0;
        for (float x : v) {
            s += x;
        }
        return s / v.length;
    }

    private static double std(float[] v) {
        double m = mean(v), s = 0;
        for (float x : v) {
            s += (x - m) * (x - m);
        }
        return Math.sqrt(s / v.length);
    }

    private static double maxAbs(float[] v) {
        double m = 0;
        for (float x : v) {
            m = Math.max(m, Math.abs(x));
        }
        return m;
    }

    /** Uniform on ±bound: max |x| just below the bound, std = bound/√3, mean 0 (to ~4 standard errors). */
    private static void assertUniform(float[] v, double bound) {
        assertThat(maxAbs(v)).isLessThanOrEqualTo(bound).isGreaterThan(0.999 * bound);
        assertThat(std(v)).isCloseTo(bound / Math.sqrt(3), within(0.01 * bound));
        assertThat(mean(v)).isCloseTo(0, within(4 * bound / Math.sqrt(3 * N)));
    }

    private static void assertNormal(float[] v, double std) {
        assertThat(std(v)).isCloseTo(std, within(0.01 * std));
        assertThat(mean(v)).isCloseTo(0, within(4 * std / Math.sqrt(N)));
        // Not truncated: tails beyond 3σ occur (expected 0.27%).
        long tails = 0;
        for (float x : v) {
            if (Math.abs(x) > 3 * std) {
                tails++;
            }
        }
        assertThat(tails).isBetween(150L, 400L);
    }

    @Test
    void heUniform() {
        assertUniform(sample(Init.heUniform()), Math.sqrt(6.0 / FAN_IN));
    }

    @Test
    void heNormal() {
        assertNormal(sample(Init.heNormal()), Math.sqrt(2.0 / FAN_IN));
    }

    @Test
    void glorotUniform() {
        assertUniform(sample(Init.glorotUniform()), Math.sqrt(6.0 / (FAN_IN + FAN_OUT)));
    }

    @Test
    void glorotNormal() {
        assertNormal(sample(Init.glorotNormal()), Math.sqrt(2.0 / (FAN_IN + FAN_OUT)));
    }

    @Test
    void torchLinearDefaultUsesOneOverRootFanInForWeightAndBias() {
        assertUniform(sample(Init.torchLinearDefault()), 1 / Math.sqrt(FAN_IN));
        assertUniform(sample(Init.torchLinearDefault().bias()), 1 / Math.sqrt(FAN_IN));
    }

    @Test
    void otherSchemesHaveZeroBias() {
        float[] b = {1f, 2f};
        Init.heUniform().bias().fill(b, 3, 4, new SplittableRandom(1));
        assertThat(b).containsExactly(0f, 0f);
    }

    @Test
    void uniformNormalAndZeros() {
        float[] u = sample(Init.uniform(2, 3));
        for (float x : u) {
            assertThat(x).isBetween(2f, 3f);
        }
        assertThat(mean(u)).isCloseTo(2.5, within(0.005));
        assertNormal(sample(Init.normal(0.5)), 0.5);
        assertThat(sample(Init.zeros())).containsOnly(0f);
    }

    @Test
    void sameSeedGivesSameValuesAndOtherSeedsDiffer() {
        for (Init init : new Init[] {Init.heUniform(), Init.heNormal(), Init.glorotUniform(), Init.glorotNormal(),
                Init.torchLinearDefault(), Init.uniform(-1, 1), Init.normal(1)}) {
            float[] a = new float[64], b = new float[64], c = new float[64];
            init.fill(a, 8, 8, new SplittableRandom(42));
            init.fill(b, 8, 8, new SplittableRandom(42));
            init.fill(c, 8, 8, new SplittableRandom(43));
            assertThat(a).as(init.toString()).isEqualTo(b).isNotEqualTo(c);
        }
    }

    @Test
    void namesAndBadArguments() {
        assertThat(Init.heUniform()).hasToString("heUniform");
        assertThatThrownBy(() -> Init.uniform(1, 0)).hasMessageContaining("lo <= hi");
        assertThatThrownBy(() -> Init.normal(-1)).hasMessageContaining("std");
        assertThatThrownBy(() -> Init.heUniform().fill(new float[1], 0, 1, new SplittableRandom(1)))
                .hasMessageContaining("fan");
    }

    @Property(tries = 50)
    void uniformSchemesStayInsideTheirBounds(@ForAll @IntRange(min = 1, max = 5000) int fanIn,
                                             @ForAll @IntRange(min = 1, max = 5000) int fanOut,
                                             @ForAll long seed) {
        float[] v = new float[256];
        Init.heUniform().fill(v, fanIn, fanOut, new SplittableRandom(seed));
        assertThat(maxAbs(v)).isLessThanOrEqualTo((float) Math.sqrt(6.0 / fanIn));
        Init.glorotUniform().fill(v, fanIn, fanOut, new SplittableRandom(seed));
        assertThat(maxAbs(v)).isLessThanOrEqualTo((float) Math.sqrt(6.0 / (fanIn + fanOut)));
        Init.torchLinearDefault().fill(v, fanIn, fanOut, new SplittableRandom(seed));
        assertThat(maxAbs(v)).isLessThanOrEqualTo((float) (1 / Math.sqrt(fanIn)));
    }
}
