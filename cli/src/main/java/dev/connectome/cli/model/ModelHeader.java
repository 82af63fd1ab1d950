package dev.connectome.cli.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.connectome.engine.Tensor;
import dev.connectome.engine.nn.Module;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON header of a model file: what network it is, the name and shape of every parameter
 * block that follows (in order), how it was trained, and where it came from.
 *
 * @param architecture enough to rebuild the network
 * @param parameters   the parameter blocks after the header, in this order
 * @param training     the resolved training settings, by option name
 * @param metrics      results measured when the model was saved (e.g. validation accuracy)
 * @param provenance   data set, seed, code version, date
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ModelHeader(MlpSpec architecture, List<ParameterInfo> parameters, Map<String, Object> training,
                          Map<String, Object> metrics, Provenance provenance) {

    public ModelHeader {
        parameters = parameters == null ? List.of() : List.copyOf(parameters);
        training = training == null ? Map.of() : new LinkedHashMap<>(training);
        metrics = metrics == null ? Map.of() : new LinkedHashMap<>(metrics);
    }

    /** A header whose parameter list describes {@code model}'s parameters. */
    public static ModelHeader describe(MlpSpec architecture, Module model, Map<String, Object> training,
                                       Map<String, Object> metrics, Provenance provenance) {
        List<ParameterInfo> params = new ArrayList<>();
        for (Map.Entry<String, Tensor> e : model.namedParameters().entrySet()) {
            params.add(new ParameterInfo(e.getKey(), e.getValue().shape()));
        }
        return new ModelHeader(architecture, params, training, metrics, provenance);
    }

    /** Total number of float values in the parameter blocks. */
    public long parameterCount() {
        long n = 0;
        for (ParameterInfo p : parameters) {
            n += p.size();
        }
        return n;
    }

    /** Name and shape of one parameter tensor. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ParameterInfo(String name, int[] shape) {
        public ParameterInfo {
            shape = shape.clone();
        }

        public long size() {
            long n = 1;
            for (int d : shape) {
                n *= d;
            }
            return n;
        }
    }

    /**
     * Where a model came from.
     *
     * @param dataset       data set name
     * @param datasetSha256 SHA-256 of the training data set's contents
     * @param seed          the run's seed
     * @param version       connectome version (and commit when known)
     * @param created       ISO-8601 time of saving
     * @param jvm           Java version and VM
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Provenance(String dataset, String datasetSha256, long seed, String version, String created,
                             String jvm) {
    }
}
