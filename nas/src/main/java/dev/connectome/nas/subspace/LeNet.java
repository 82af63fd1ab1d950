package dev.connectome.nas.subspace;

import dev.connectome.engine.Tape;
import dev.connectome.engine.Tensor;
import dev.connectome.engine.nn.Conv2d;
import dev.connectome.engine.nn.Flatten;
import dev.connectome.engine.nn.Init;
import dev.connectome.engine.nn.Linear;
import dev.connectome.engine.nn.MaxPool2d;
import dev.connectome.engine.nn.Module;
import dev.connectome.engine.nn.Relu;
import dev.connectome.engine.nn.Sequential;
import dev.connectome.engine.ops.ShapeOps;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * The MNIST LeNet of Li et al. 2018 (D = 44,426): conv 6@5×5 → ReLU → max-pool 2 → conv 16@5×5 →
 * ReLU → max-pool 2 → FC 120 → ReLU → FC 84 → ReLU → FC 10, "valid" convolutions. On 28×28 inputs
 * this is 156 + 2,416 + 30,840 + 10,164 + 850 = 44,426 parameters, the D of their MNIST LeNet
 * (intrinsic-dimension.md), which pins the variant down (no padding, 16·4·4 = 256 flattened features).
 */
public final class LeNet {
    /** Parameters of the 28×28, 10-class network. */
    public static final int MNIST_PARAMETERS = 44_426;

    private LeNet() {
    }

    /**
     * LeNet for flat inputs of {@code channels·side·side} values per sample (the trainer's [N, features]
     * batches are reshaped to [N, C, side, side]); PyTorch's default initialisation, layers initialised
     * in order from {@code rng}.
     */
    public static Sequential of(int channels, int side, int classes, RandomGenerator rng) {
        int afterConvs = ((side - 4) / 2 - 4) / 2;
        if (channels < 1 || classes < 1 || afterConvs < 1) {
            throw new IllegalArgumentException("LeNet needs at least one channel, one class and images of at least 16×16, got "
                    + channels + " channels of " + side + "×" + side + " and " + classes + " classes");
        }
        Init init = Init.torchLinearDefault();
        return new Sequential(
                new Image(channels, side),
                new Conv2d(channels, 6, 5, 1, 0, 1, true, init, rng), new Relu(), new MaxPool2d(2, 2, 0),
                new Conv2d(6, 16, 5, 1, 0, 1, true, init, rng), new Relu(), new MaxPool2d(2, 2, 0),
                new Flatten(),
                new Linear(16 * afterConvs * afterConvs, 120, true, init, rng), new Relu(),
                new Linear(120, 84, true, init, rng), new Relu(),
                new Linear(84, classes, true, init, rng));
    }

    /** LeNet for flat inputs of {@code features} values: one channel of a square image (784 → 28×28). */
    public static Sequential forFeatures(int features, int classes, RandomGenerator rng) {
        int side = (int) Math.round(Math.sqrt(features));
        if (side * side != features) {
            throw new IllegalArgumentException("LeNet needs square one-channel images, but samples have " + features
                    + " features (not a square number)");
        }
        return of(1, side, classes, rng);
    }

    /** Reshapes flat [N, C·S·S] batches (or passes [N, C, S, S] through) to images. */
    record Image(int channels, int side) implements Module {
        @Override
        public Tensor forward(Tape tape, Tensor x) {
            if (x.rank() == 4) {
                return x;
            }
            int per = channels * side * side;
            if (x.rank() != 2 || x.dim(1) != per) {
                throw new IllegalArgumentException("LeNet expects [N, " + per + "] or [N, " + channels + ", " + side + ", "
                        + side + "] inputs, got " + x);
            }
            return ShapeOps.reshape(tape, x, x.dim(0), channels, side, side);
        }

        @Override
        public Map<String, Tensor> namedParameters() {
            return Map.of();
        }
    }
}
