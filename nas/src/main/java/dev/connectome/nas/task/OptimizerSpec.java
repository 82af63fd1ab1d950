package dev.connectome.nas.task;

import dev.connectome.engine.Tensor;
import dev.connectome.engine.optim.Adam;
import dev.connectome.engine.optim.AdamW;
import dev.connectome.engine.optim.Optimizer;
import dev.connectome.engine.optim.RmsProp;
import dev.connectome.engine.optim.Sgd;
import java.util.List;
import java.util.Locale;

/**
 * Which optimizer to train with and all of its settings, as one flat immutable value (the shape
 * command-line flags and YAML keys have). Settings that the chosen kind does not use are ignored.
 *
 * @param kind         sgd, adam, adamw or rmsprop
 * @param learningRate base learning rate (a schedule scales it)
 * @param momentum     SGD / RMSprop momentum
 * @param nesterov     SGD Nesterov momentum
 * @param weightDecay  L2 (sgd, adam, rmsprop) or decoupled (adamw) weight decay
 * @param beta1        Adam β1
 * @param beta2        Adam β2
 * @param epsilon      Adam / RMSprop ε
 * @param alpha        RMSprop smoothing constant
 */
public record OptimizerSpec(Kind kind, double learningRate, double momentum, boolean nesterov,
                            double weightDecay, double beta1, double beta2, double epsilon, double alpha) {

    /** The optimizers a training run can use. */
    public enum Kind {
        SGD, ADAM, ADAMW, RMSPROP;

        /** Parses a lowercase name ("adam"); the error lists the valid names. */
        public static Kind parse(String name) {
            for (Kind k : values()) {
                if (k.name().equalsIgnoreCase(name.trim())) {
                    return k;
                }
            }
            throw new IllegalArgumentException("unknown optimizer '" + name + "' (valid: sgd, adam, adamw, rmsprop)");
        }

        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public OptimizerSpec {
        if (kind == null) {
            throw new IllegalArgumentException("optimizer kind is required");
        }
        if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
            throw new IllegalArgumentException("learning rate must be a finite number > 0, got " + learningRate);
        }
    }

    /** Adam with PyTorch's defaults (β1 0.9, β2 0.999, ε 1e-8) and the given learning rate. */
    public static OptimizerSpec adam(double learningRate) {
        return new OptimizerSpec(Kind.ADAM, learningRate, 0, false, 0, 0.9, 0.999, 1e-8, 0.99);
    }

    public OptimizerSpec withKind(Kind k) {
        return new OptimizerSpec(k, learningRate, momentum, nesterov, weightDecay, beta1, beta2, epsilon, alpha);
    }

    public OptimizerSpec withLearningRate(double lr) {
        return new OptimizerSpec(kind, lr, momentum, nesterov, weightDecay, beta1, beta2, epsilon, alpha);
    }

    /** Builds the optimizer over {@code params}; the engine validates the ranges of the settings. */
    public Optimizer create(List<Tensor> params) {
        return switch (kind) {
            case SGD -> new Sgd(params, Sgd.Settings.of(learningRate).withMomentum(momentum)
                    .withNesterov(nesterov).withWeightDecay(weightDecay));
            case ADAM -> new Adam(params, new Adam.Settings(learningRate, beta1, beta2, epsilon, weightDecay));
            case ADAMW -> new AdamW(params, new AdamW.Settings(learningRate, beta1, beta2, epsilon, weightDecay));
            case RMSPROP -> new RmsProp(params, RmsProp.Settings.of(learningRate).withAlpha(alpha)
                    .withEpsilon(epsilon).withMomentum(momentum).withWeightDecay(weightDecay));
        };
    }

    /** Compact text, e.g. {@code adam(lr=0.001, β=0.9/0.999, eps=1e-08)}. */
    public String describe() {
        String common = "lr=" + learningRate + (weightDecay != 0 ? ", wd=" + weightDecay : "");
        return switch (kind) {
            case SGD -> "sgd(" + common + (momentum != 0 ? ", momentum=" + momentum : "") + (nesterov ? ", nesterov" : "") + ")";
            case ADAM, ADAMW -> kind + "(" + common + ", betas=" + beta1 + "/" + beta2 + ", eps=" + epsilon + ")";
            case RMSPROP -> "rmsprop(" + common + ", alpha=" + alpha + ", eps=" + epsilon
                    + (momentum != 0 ? ", momentum=" + momentum : "") + ")";
        };
    }
}
