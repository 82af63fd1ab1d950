package dev.connectome.engine.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.connectome.engine.Parallelism;
import dev.connectome.engine.Tape;
import dev.connectome.engine.Tensor;
import dev.connectome.engine.ops.Losses;
import dev.connectome.engine.optim.AdamW;
import dev.connectome.engine.optim.Optimizer;
import dev.connectome.engine.optim.RmsProp;
import dev.connectome.engine.optim.Sgd;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Five training steps of a 3-4-2 tanh MLP (Linear, forward/backward, cross-entropy, optimizer)
 * against PyTorch 2.x float32. The reference ran {@code nn.Sequential(Linear(3,4), Tanh(), Linear(4,2))}
 * with the weights below (transposed into torch's [out, in] layout), {@code F.cross_entropy} on the
 * batch below, and the optimizer named in each test; it printed the last step's loss and the
 * parameters afterwards, flattened in our order (0.weight [in,out], 0.bias, 2.weight, 2.bias).
 */
class PyTorchTrainingReferenceTest {
    private static final float[] W0 = {0.2f, -0.5f, 0.1f, 0.4f, -0.3f, 0.8f, 0.6f, -0.1f, 0.5f, 0.05f, -0.7f, 0.3f};
    private static final float[] B0 = {0.1f, -0.2f, 0.0f, 0.05f};
    private static final float[] W1 = {0.3f, -0.6f, -0.4f, 0.2f, 0.7f, 0.1f, -0.2f, 0.5f};
    private static final float[] B1 = {0.02f, -0.03f};
    private static final float[] X = {0.5f, -1.0f, 2.0f, 1.5f, 0.3f, -0.4f, -0.7f, 0.9f, 0.1f};
    private static final int[] Y = {1, 0, 1};

    private static void assertTrainsLikeTorch(Function<List<Tensor>, Optimizer> make, float expectedLoss,
                                              float... expected) {
        Sequential net = new Sequential(
                new Linear(Tensor.parameter(W0.clone(), 3, 4), Tensor.parameter(B0.clone(), 4)),
                Activation.TANH,
                new Linear(Tensor.parameter(W1.clone(), 4, 2), Tensor.parameter(B1.clone(), 2)));
        Optimizer opt = make.apply(net.parameters());
        Tape tape = Tape.training(Parallelism.single());
        float loss = Float.NaN;
        for (int step = 0; step < 5; step++) {
            tape.reset();
            opt.zeroGrad();
            Tensor l = Losses.softmaxCrossEntropy(tape, net.forward(tape, tape.input(X, 0, 3, 3)), Y, 0);
            tape.backward(l);
            opt.step();
            loss = l.item();
        }
        assertThat(loss).isCloseTo(expectedLoss, within(1e-5f));
        float[] flat = Parameters.flatten(net);
        assertThat(flat).hasSameSizeAs(expected);
        for (int i = 0; i < flat.length; i++) {
            assertThat(flat[i]).as("parameter value %d", i).isCloseTo(expected[i], within(2e-5f));
        }
    }

    @Test
    void adamW() { // AdamW(lr=0.05, weight_decay=0.1)
        assertTrainsLikeTorch(p -> new AdamW(p, AdamW.Settings.of(0.05).withWeightDecay(0.1)), 0.253269434f,
                0.430658042f, -0.732110381f, 0.345131338f, 0.141717583f, -0.458306253f, 0.543577194f, 0.34277004f,
                0.112305366f, 0.249658078f, 0.297013879f, -0.928876281f, 0.535667121f, -0.0320169702f,
                0.0512680523f, -0.210145399f, 0.25570938f, 0.0765874088f, -0.369162023f, -0.634977937f,
                0.439928174f, 0.928383112f, -0.148184121f, -0.441402465f, 0.73397702f, -0.204148307f,
                0.194395825f);
    }

    @Test
    void sgdNesterov() { // SGD(lr=0.5, momentum=0.9, nesterov=True, weight_decay=0.01)
        assertTrainsLikeTorch(p -> new Sgd(p,
                        Sgd.Settings.of(0.5).withMomentum(0.9).withNesterov(true).withWeightDecay(0.01)), 0.0310429353f,
                1.05608582f, -0.850481749f, 0.931221485f, -0.554383099f, -0.412296802f, 0.622992039f, 0.250280976f,
                -0.0151991574f, 0.0126354098f, 0.589967072f, -0.926733792f, 0.900349498f, -0.0259754583f,
                -0.0161403976f, -0.208759248f, 0.235201314f, 0.116472654f, -0.3917377f, -0.750089765f,
                0.566579819f, 1.62259758f, -0.888557374f, -0.501817465f, 0.777082562f, -0.676460326f,
                0.667284906f);
    }

    @Test
    void rmsPropCenteredMomentum() { // RMSprop(lr=0.01, momentum=0.5, centered=True)
        assertTrainsLikeTorch(p -> new RmsProp(p, RmsProp.Settings.of(0.01).withMomentum(0.5).withCentered(true)),
                0.0490143411f,
                0.557185292f, -0.943004072f, 0.578300297f, -0.134124309f, -0.44577983f, 0.215600431f, 0.193602473f,
                0.0508915745f, 0.135358587f, 0.567813814f, -1.14901662f, 0.722273588f, 0.0463379286f,
                0.259092659f, -0.198844165f, 0.17934683f, 0.0797353759f, -0.379735351f, -1.00511849f,
                0.805118561f, 1.14763248f, -0.347632378f, -0.684278071f, 0.984278262f, -0.248261318f,
                0.238261327f);
    }
}
