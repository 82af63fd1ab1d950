package dev.connectome.nas.cell;

import dev.connectome.engine.nn.Activation;
import dev.connectome.engine.nn.BatchNorm2d;
import dev.connectome.engine.nn.Conv2d;
import dev.connectome.engine.nn.Identity;
import dev.connectome.engine.nn.Module;
import dev.connectome.engine.nn.Sequential;
import java.util.random.RandomGenerator;

/** Building blocks shared by the NB201 network parts (NB201's ReLUConvBN and its BatchNorm choice). */
final class Nb201NetworkLayers {
    private Nb201NetworkLayers() {
    }

    /** ReLU → Conv k×k (no bias) → BatchNorm, as NB201's ReLUConvBN. */
    static Sequential reluConvBn(int in, int out, int kernel, int stride, int padding, boolean batchNorm,
            RandomGenerator rng) {
        return new Sequential(Activation.RELU, new Conv2d(in, out, kernel, stride, padding, 1, false, rng),
                batchNorm(out, batchNorm));
    }

    /** An affine BatchNorm2d, or the identity when batch norm is switched off. */
    static Module batchNorm(int channels, boolean batchNorm) {
        return batchNorm ? new BatchNorm2d(channels, true) : new Identity();
    }
}
