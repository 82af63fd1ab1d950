package dev.connectome.engine.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.connectome.engine.Tensor;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Three steps of each optimizer against values printed by PyTorch 2.x (float32), from:
 * <pre>
 * theta0 = [0.5, -1.5, 2.0]
 * grads = [[0.1, -0.4, 0.3], [-0.2, 0.5, 0.05], [0.3, 0.1, -0.6]]
 * p = torch.nn.Parameter(torch.tensor(theta0)); opt = CONFIG([p])
 * for g in grads: p.grad = torch.tensor(g); opt.step()
 * print(p.tolist())
 * </pre>
 */
class PyTorchReferenceTest {
    private static final float[] THETA0 = {0.5f, -1.5f, 2.0f};
    private static final float[][] GRADS = {{0.1f, -0.4f, 0.3f}, {-0.2f, 0.5f, 0.05f}, {0.3f, 0.1f, -0.6f}};

    static Stream<Arguments> cases() {
        return Stream.of(
                // SGD(lr=0.1)
                c("sgd", p -> new Sgd(p, Sgd.Settings.of(0.1)), 0.479999989f, -1.51999998f, 2.0250001f),
                // SGD(lr=0.1, weight_decay=0.01)
                c("sgd_wd", p -> new Sgd(p, Sgd.Settings.of(0.1).withWeightDecay(0.01)),
                        0.478501469f, -1.51553452f, 2.0190711f),
                // SGD(lr=0.1, momentum=0.9, weight_decay=0.01)
                c("sgd_momentum", p -> new Sgd(p, Sgd.Settings.of(0.1).withMomentum(0.9).withWeightDecay(0.01)),
                        0.47811535f, -1.48829412f, 1.95810854f),
                // SGD(lr=0.1, momentum=0.9, dampening=0.5)
                c("sgd_dampening", p -> new Sgd(p, Sgd.Settings.of(0.1).withMomentum(0.9).withDampening(0.5)),
                        0.476899981f, -1.44410002f, 1.94395006f),
                // SGD(lr=0.1, momentum=0.9, nesterov=True, weight_decay=0.01)
                c("sgd_nesterov", p -> new Sgd(p,
                                Sgd.Settings.of(0.1).withMomentum(0.9).withNesterov(true).withWeightDecay(0.01)),
                        0.458823144f, -1.50511849f, 1.98153663f),
                // Adam(lr=0.01)
                c("adam", p -> new Adam(p, Adam.Settings.of(0.01)), 0.490228623f, -1.49385655f, 1.98513031f),
                // Adam(lr=0.01, betas=(0.8, 0.99), eps=1e-6, weight_decay=0.1)
                c("adam_wd", p -> new Adam(p,
                                Adam.Settings.of(0.01).withBetas(0.8, 0.99).withEpsilon(1e-6).withWeightDecay(0.1)),
                        0.485530704f, -1.48761964f, 1.97964644f),
                // AdamW(lr=0.01, betas=(0.8, 0.99), eps=1e-6, weight_decay=0.1)
                c("adamw", p -> new AdamW(p,
                                AdamW.Settings.of(0.01).withBetas(0.8, 0.99).withEpsilon(1e-6).withWeightDecay(0.1)),
                        0.488868237f, -1.49040723f, 1.98039603f),
                // RMSprop(lr=0.01)
                c("rmsprop", p -> new RmsProp(p, RmsProp.Settings.of(0.01)), 0.409181923f, -1.49377549f, 1.97285438f),
                // RMSprop(lr=0.01, alpha=0.9, eps=1e-6, momentum=0.5, centered=True, weight_decay=0.1)
                c("rmsprop_full", p -> new RmsProp(p, RmsProp.Settings.of(0.01).withAlpha(0.9).withEpsilon(1e-6)
                                .withMomentum(0.5).withCentered(true).withWeightDecay(0.1)),
                        0.448002666f, -1.46585369f, 1.9375428f),
                // RMSprop(lr=0.01, alpha=0.9, momentum=0.5, weight_decay=0.1)
                c("rmsprop_momentum", p -> new RmsProp(p, RmsProp.Settings.of(0.01).withAlpha(0.9)
                                .withMomentum(0.5).withWeightDecay(0.1)),
                        0.451944858f, -1.46876764f, 1.94252956f),
                // RMSprop(lr=0.01, alpha=0.9, centered=True)
                c("rmsprop_centered", p -> new RmsProp(p, RmsProp.Settings.of(0.01).withAlpha(0.9).withCentered(true)),
                        0.469291866f, -1.49719346f, 1.98991513f));
    }

    private static Arguments c(String name, Function<List<Tensor>, Optimizer> make, float... expected) {
        return Arguments.of(name, make, expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void matchesPyTorch(String name, Function<List<Tensor>, Optimizer> make, float[] expected) {
        Tensor p = Tensor.parameter(THETA0.clone(), 3);
        Optimizer opt = make.apply(List.of(p));
        for (float[] g : GRADS) {
            System.arraycopy(g, 0, p.grad(), 0, 3);
            opt.step();
        }
        for (int i = 0; i < 3; i++) {
            assertThat(p.data()[i]).as("%s θ[%d]", name, i).isCloseTo(expected[i], within(2e-6f));
        }
    }
}
