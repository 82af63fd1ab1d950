package dev.connectome.engine.optim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.connectome.engine.Tensor;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every optimizer on an ill-conditioned quadratic, and the no-allocation promise of step(). */
class ConvergenceAndAllocationTest {
    private static final int N = 64;

    static Stream<Arguments> optimizers() {
        return Stream.of(
                Arguments.of("sgd", (Function<List<Tensor>, Optimizer>) p -> new Sgd(p, Sgd.Settings.of(0.05))),
                Arguments.of("momentum", (Function<List<Tensor>, Optimizer>) p ->
                        new Sgd(p, Sgd.Settings.of(0.02).withMomentum(0.9))),
                Arguments.of("nesterov", (Function<List<Tensor>, Optimizer>) p ->
                        new Sgd(p, Sgd.Settings.of(0.02).withMomentum(0.9).withNesterov(true).withWeightDecay(1e-4))),
                Arguments.of("adam", (Function<List<Tensor>, Optimizer>) p -> new Adam(p, Adam.Settings.of(0.05))),
                Arguments.of("adamw", (Function<List<Tensor>, Optimizer>) p -> new AdamW(p, AdamW.Settings.of(0.05))),
                Arguments.of("rmsprop", (Function<List<Tensor>, Optimizer>) p ->
                        new RmsProp(p, RmsProp.Settings.of(0.01))),
                Arguments.of("rmsprop centered momentum", (Function<List<Tensor>, Optimizer>) p ->
                        new RmsProp(p, RmsProp.Settings.of(0.005).withCentered(true).withMomentum(0.5))));
    }

    /** f(θ) = ½ Σ aᵢ (θᵢ − cᵢ)² with curvatures aᵢ in [1, 10]; writes ∇f into the gradient. */
    private static double lossAndGrad(Tensor w, Tensor b) {
        double loss = 0;
        loss += quadratic(w.data(), w.grad(), 0);
        loss += quadratic(b.data(), b.grad(), w.size());
        return loss;
    }

    private static double quadratic(float[] x, float[] g, int offset) {
        double loss = 0;
        for (int i = 0; i < x.length; i++) {
            int k = offset + i;
            double a = 1 + 9.0 * k / (2 * N);
            double c = Math.sin(k);
            double d = x[i] - c;
            loss += 0.5 * a * d * d;
            g[i] = (float) (a * d);
        }
        return loss;
    }

    private static List<Tensor> params() {
        return List.of(Tensor.parameter(new float[N], N), Tensor.parameter(new float[N], N));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("optimizers")
    void decreasesAConvexLoss(String name, Function<List<Tensor>, Optimizer> make) {
        List<Tensor> p = params();
        Optimizer opt = make.apply(p);
        double initial = lossAndGrad(p.get(0), p.get(1));
        double loss = initial;
        for (int s = 0; s < 300; s++) {
            opt.step();
            loss = lossAndGrad(p.get(0), p.get(1));
        }
        assertThat(loss).as(name).isLessThan(0.02 * initial);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("optimizers")
    void stepDoesNotAllocate(String name, Function<List<Tensor>, Optimizer> make) {
        var bean = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long thread = Thread.currentThread().getId();
        List<Tensor> p = params();
        Optimizer opt = make.apply(p);
        lossAndGrad(p.get(0), p.get(1));
        opt.step(); // first step may initialise lazily
        long before = bean.getThreadAllocatedBytes(thread);
        for (int s = 0; s < 100; s++) {
            opt.step();
        }
        long after = bean.getThreadAllocatedBytes(thread);
        // Slack for the measurement itself; one float[N] state array alone would be 100·(16+4N) bytes.
        assertThat(after - before).as(name).isLessThan(512);
    }
}
