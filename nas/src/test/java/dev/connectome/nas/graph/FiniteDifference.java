package dev.connectome.nas.graph;

import static org.assertj.core.api.Assertions.assertThat;

import dev.connectome.engine.Parallelism;
import dev.connectome.engine.Tape;
import dev.connectome.engine.Tensor;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.Function;

/**
 * A small finite-difference gradient check (the engine's GradCheck lives in its test sources, which
 * nas does not depend on). The output y is projected to L = Σ rᵢ·yᵢ with fixed random rᵢ so index
 * mix-ups cannot pass by symmetry; derivatives use the fourth-order central difference with h = 1e-2,
 * relative error against max(|analytic|, |numeric|, 1e-2).
 */
final class FiniteDifference {
    private FiniteDifference() {
    }

    static void assertGradients(Function<Tape, Tensor> f, long seed, Tensor... params) {
        for (Tensor p : params) {
            Arrays.fill(p.grad(), 0f);
        }
        Tape tape = Tape.training(Parallelism.single());
        Tensor y = f.apply(tape);
        SplittableRandom rng = new SplittableRandom(seed);
        double[] r = new double[y.size()];
        for (int i = 0; i < r.length; i++) {
            r[i] = 2 * rng.nextDouble() - 1;
        }
        backwardOfProjection(tape, y, r);
        double h = 1e-2;
        for (int pi = 0; pi < params.length; pi++) {
            Tensor p = params[pi];
            float[] analytic = p.grad().clone();
            for (int k = 0; k < p.size(); k++) {
                float orig = p.data()[k];
                double[] l = new double[4];
                double[] steps = {2 * h, h, -h, -2 * h};
                for (int s = 0; s < 4; s++) {
                    p.data()[k] = (float) (orig + steps[s]);
                    l[s] = project(f, r);
                }
                p.data()[k] = orig;
                double numeric = (-l[0] + 8 * l[1] - 8 * l[2] + l[3]) / (12 * h);
                double denom = Math.max(Math.max(Math.abs(numeric), Math.abs(analytic[k])), 1e-2);
                assertThat(Math.abs(numeric - analytic[k]) / denom)
                        .as("param %d component %d: analytic %s numeric %s", pi, k, analytic[k], numeric)
                        .isLessThan(2e-2);
            }
            Arrays.fill(p.grad(), 0f);
        }
    }

    private static double project(Function<Tape, Tensor> f, double[] r) {
        Tape t = Tape.inference(Parallelism.single());
        Tensor y = f.apply(t);
        double l = 0;
        for (int i = 0; i < r.length; i++) {
            l += r[i] * y.data()[i];
        }
        return l;
    }

    /** Records L = Σ rᵢ·yᵢ on the tape and runs backward from it. */
    private static void backwardOfProjection(Tape tape, Tensor y, double[] r) {
        Tensor loss = tape.output(true);
        double l = 0;
        for (int i = 0; i < r.length; i++) {
            l += r[i] * y.data()[i];
        }
        loss.data()[0] = (float) l;
        tape.record(loss, lg -> {
            float[] gy = tape.grad(y);
            for (int i = 0; i < r.length; i++) {
                gy[i] += (float) (lg[0] * r[i]);
            }
        });
        tape.backward(loss);
    }
}
