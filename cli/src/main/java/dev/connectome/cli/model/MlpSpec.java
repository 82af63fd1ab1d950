package dev.connectome.cli.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.connectome.engine.nn.Activation;
import dev.connectome.engine.nn.Mlp;
import dev.connectome.engine.nn.Module;
import java.util.Arrays;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * The architecture of a multi-layer perceptron classifier, enough to rebuild it: flattened inputs,
 * hidden layer widths, the activation between layers, outputs (classes), and what the inputs are.
 *
 * @param kind        always "mlp" for now; other architectures add kinds
 * @param sampleShape shape of one input sample before flattening, e.g. [1, 28, 28]
 * @param classNames  one name per output
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record MlpSpec(String kind, int inputs, int[] hidden, String activation, int outputs, int[] sampleShape,
                      List<String> classNames) {

    public static final String KIND = "mlp";

    public MlpSpec {
        hidden = hidden == null ? new int[0] : hidden.clone();
        sampleShape = sampleShape == null ? new int[] {inputs} : sampleShape.clone();
        classNames = classNames == null ? List.of() : List.copyOf(classNames);
    }

    public static MlpSpec of(int inputs, int[] hidden, String activation, int outputs, int[] sampleShape,
                             List<String> classNames) {
        return new MlpSpec(KIND, inputs, hidden, activation, outputs, sampleShape, classNames);
    }

    /** A new network of this shape, initialised from {@code rng}. */
    public Module build(RandomGenerator rng) {
        if (!KIND.equals(kind)) {
            throw new ModelFileException("unsupported architecture kind '" + kind + "' (this build knows 'mlp')");
        }
        return Mlp.of(inputs, hidden.clone(), outputs, Activation.parse(activation), rng);
    }

    /** e.g. {@code 784-200-200-10 relu}. */
    public String describe() {
        StringBuilder sb = new StringBuilder().append(inputs);
        for (int h : hidden) {
            sb.append('-').append(h);
        }
        return sb.append('-').append(outputs).append(' ').append(activation).toString();
    }

    @Override
    public int[] hidden() {
        return hidden.clone();
    }

    @Override
    public int[] sampleShape() {
        return sampleShape.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MlpSpec s && kind.equals(s.kind) && inputs == s.inputs && Arrays.equals(hidden, s.hidden)
                && activation.equals(s.activation) && outputs == s.outputs && Arrays.equals(sampleShape, s.sampleShape)
                && classNames.equals(s.classNames);
    }

    @Override
    public int hashCode() {
        return (kind.hashCode() * 31 + inputs) * 31 + Arrays.hashCode(hidden) + activation.hashCode() * 7 + outputs;
    }

    @Override
    public String toString() {
        return "MlpSpec[" + describe() + "]";
    }
}
