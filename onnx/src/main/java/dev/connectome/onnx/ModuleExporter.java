package dev.connectome.onnx;

import dev.connectome.engine.nn.Module;

/**
 * Writes one kind of engine {@link Module} into an {@link OnnxGraph}: the extension point for new layers.
 * An exporter receives the name of its input value and returns the name of its output value; it may
 * export child modules through {@link OnnxExporters#export}.
 *
 * @param <M> the module class this exporter handles
 */
@FunctionalInterface
public interface ModuleExporter<M extends Module> {
    /**
     * @param module   the module to write
     * @param input    name of the value the module reads
     * @param name     a readable prefix for the values it creates (its path in the model, e.g. "2")
     * @param graph    the graph being built
     * @param registry the exporters, for child modules
     * @return the name of the value the module produces
     */
    String export(M module, String input, String name, OnnxGraph graph, OnnxExporters registry);
}
