package dev.connectome.onnx;

import dev.connectome.engine.nn.Activation;
import dev.connectome.engine.nn.Linear;
import dev.connectome.engine.nn.Module;
import dev.connectome.engine.nn.Sequential;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The exporters for each module class. {@link #defaults()} knows the engine's layers; a feature that adds a
 * module registers its exporter with {@link #with}. A module whose class has no exporter is an
 * {@link OnnxExportException} naming the class, so the user learns what cannot be exported.
 */
public final class OnnxExporters {
    private final Map<Class<?>, ModuleExporter<?>> exporters;

    private OnnxExporters(Map<Class<?>, ModuleExporter<?>> exporters) {
        this.exporters = Map.copyOf(exporters);
    }

    /** Exporters for the engine's built-in modules. */
    public static OnnxExporters defaults() {
        OnnxExporters r = new OnnxExporters(Map.of());
        r = r.with(Sequential.class, OnnxExporters::sequential);
        r = r.with(Linear.class, EngineLayers::linear);
        r = r.with(Activation.class, EngineLayers::activation);
        return WiringLayers.register(Nb201Layers.register(EngineLayers.registerConvolutional(r)));
    }

    /** A registry with {@code exporter} added (or replacing the one) for {@code type}. */
    public <M extends Module> OnnxExporters with(Class<M> type, ModuleExporter<? super M> exporter) {
        Map<Class<?>, ModuleExporter<?>> copy = new LinkedHashMap<>(exporters);
        copy.put(type, exporter);
        return new OnnxExporters(copy);
    }

    /** Writes {@code module} reading {@code input}; returns its output value's name. */
    @SuppressWarnings("unchecked")
    public String export(Module module, String input, String name, OnnxGraph graph) {
        ModuleExporter<Module> exporter = (ModuleExporter<Module>) find(module.getClass());
        if (exporter == null) {
            throw new OnnxExportException("cannot export module '" + name + "' of type "
                    + module.getClass().getSimpleName() + ": no ONNX mapping is registered for it");
        }
        return exporter.export(module, input, name, graph, this);
    }

    private ModuleExporter<?> find(Class<?> type) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            ModuleExporter<?> e = exporters.get(c);
            if (e != null) {
                return e;
            }
        }
        return null;
    }

    private static String sequential(Sequential seq, String input, String name, OnnxGraph graph, OnnxExporters r) {
        String value = input;
        List<Module> children = seq.children();
        for (int i = 0; i < children.size(); i++) {
            value = r.export(children.get(i), value, name.isEmpty() ? String.valueOf(i) : name + "." + i, graph);
        }
        return value;
    }
}
