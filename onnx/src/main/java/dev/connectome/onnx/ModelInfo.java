package dev.connectome.onnx;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What an exported file says about itself: graph name, input/output names with a description of their
 * meaning and shape, and free properties (provenance of the study, settings) stored as ONNX metadata.
 */
public record ModelInfo(String name, String description, String inputName, String inputDescription,
                        String outputName, String outputDescription, String producerVersion,
                        Map<String, String> properties) {
    public ModelInfo {
        properties = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(properties));
    }

    /** Default names: input "input", output "output". */
    public static ModelInfo of(String name, String description) {
        return new ModelInfo(name, description, "input", "float32 [batch, features]", "output",
                "float32 [batch, outputs]", "dev", Map.of());
    }

    public ModelInfo withInput(String inputName, String inputDescription) {
        return new ModelInfo(name, description, inputName, inputDescription, outputName, outputDescription,
                producerVersion, properties);
    }

    public ModelInfo withOutput(String outputName, String outputDescription) {
        return new ModelInfo(name, description, inputName, inputDescription, outputName, outputDescription,
                producerVersion, properties);
    }

    public ModelInfo withProducerVersion(String version) {
        return new ModelInfo(name, description, inputName, inputDescription, outputName, outputDescription,
                version, properties);
    }

    public ModelInfo withProperty(String key, String value) {
        Map<String, String> p = new LinkedHashMap<>(properties);
        p.put(key, value);
        return new ModelInfo(name, description, inputName, inputDescription, outputName, outputDescription,
                producerVersion, p);
    }
}
