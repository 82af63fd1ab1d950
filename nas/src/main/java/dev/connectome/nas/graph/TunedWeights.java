package dev.connectome.nas.graph;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * WANNTool's tuned-weight files ({@code zoo/*.json}): {@code [params, score]}, where
 * {@code weights[k] = params[k] + weightBias} belongs to the k-th enabled connection in wKey order
 * (row-major over the {@code .out} matrix), which is {@link GraphNet}'s weight order. The weight bias
 * is per task: swing-up −1.5, biped −1.87, VAE racer −0.7, MNIST 0.
 */
public final class TunedWeights {
    /** WANNTool's weight bias for cart-pole swing-up. */
    public static final float SWINGUP_WEIGHT_BIAS = -1.5f;
    /** WANNTool's weight bias for MNIST. */
    public static final float MNIST_WEIGHT_BIAS = 0f;

    private TunedWeights() {
    }

    /**
     * Per-connection weights for {@code net} from a zoo json file.
     *
     * @throws GraphFormatException naming the file when it is not {@code [[numbers…], score]} or the
     *                              number of params differs from {@code net.weightCount()}
     */
    public static float[] read(Path json, GraphNet net, float weightBias) {
        String text;
        try {
            text = Files.readString(json);
        } catch (IOException e) {
            throw new GraphFormatException(json + ": cannot read (" + e.getMessage() + ")", e);
        }
        return parse(text, json.toString(), net, weightBias);
    }

    /** As {@link #read} on in-memory text; {@code name} is used in error messages. */
    public static float[] parse(String text, String name, GraphNet net, float weightBias) {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(text);
        } catch (IOException e) {
            throw new GraphFormatException(name + ": not valid JSON (" + e.getMessage().lines().findFirst().orElse("") + ")", e);
        }
        if (root == null || !root.isArray() || root.size() < 1 || !root.get(0).isArray()) {
            throw new GraphFormatException(name + ": expected [[params…], score] as written by WANNTool");
        }
        JsonNode params = root.get(0);
        if (params.size() != net.weightCount()) {
            throw new GraphFormatException(name + ": " + params.size() + " params, but the network has "
                    + net.weightCount() + " enabled connections");
        }
        float[] w = new float[params.size()];
        for (int k = 0; k < w.length; k++) {
            JsonNode p = params.get(k);
            if (!p.isNumber()) {
                throw new GraphFormatException(name + ": param " + k + " is not a number: " + p);
            }
            w[k] = (float) (p.asDouble() + weightBias);
        }
        return w;
    }
}
