package dev.connectome.engine.nn;

import dev.connectome.engine.Tape;
import dev.connectome.engine.Tensor;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Modules applied one after another. Children are named "0", "1", … by position, so parameters
 * are named like "0.weight", "2.bias" (nested containers give "1.0.weight").
 */
public final class Sequential implements Module {
    private final List<Module> children;
    private final Map<String, Tensor> params;

    public Sequential(Module... children) {
        this(List.of(children));
    }

    public Sequential(List<Module> children) {
        if (children.isEmpty()) {
            throw new IllegalArgumentException("Sequential needs at least one module");
        }
        this.children = List.copyOf(children); // also rejects null children
        Map<String, Tensor> m = new LinkedHashMap<>();
        for (int i = 0; i < this.children.size(); i++) {
            Module.collect(Integer.toString(i), this.children.get(i), m);
        }
        this.params = Collections.unmodifiableMap(m);
    }

    @Override
    public Tensor forward(Tape tape, Tensor x) {
        Tensor h = x;
        for (Module m : children) {
            h = m.forward(tape, h);
        }
        return h;
    }

    /**
     * The forward pass, reporting every child's output to {@code probe}; nested Sequentials report
     * their own children too (with dotted names) before reporting their result.
     */
    public Tensor forward(Tape tape, Tensor x, ActivationProbe probe) {
        return forward(tape, x, probe, "");
    }

    private Tensor forward(Tape tape, Tensor x, ActivationProbe probe, String prefix) {
        Tensor h = x;
        for (int i = 0; i < children.size(); i++) {
            Module m = children.get(i);
            String name = prefix + i;
            h = m instanceof Sequential s ? s.forward(tape, h, probe, name + ".") : m.forward(tape, h);
            probe.observe(name, m, h);
        }
        return h;
    }

    @Override
    public Map<String, Tensor> namedParameters() {
        return params;
    }

    @Override
    public Sequential train(boolean training) {
        for (Module m : children) {
            m.train(training);
        }
        return this;
    }

    /** The children, in order. */
    public List<Module> children() {
        return children;
    }

    public Module get(int index) {
        return children.get(index);
    }

    public int size() {
        return children.size();
    }

    @Override
    public String toString() {
        return "Sequential" + children;
    }
}
