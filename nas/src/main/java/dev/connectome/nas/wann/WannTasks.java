package dev.connectome.nas.wann;

import dev.connectome.nas.data.DataSets;
import dev.connectome.nas.data.Dataset;
import dev.connectome.nas.data.Mnist256;
import dev.connectome.nas.graph.MutationSettings;
import dev.connectome.nas.task.control.CartPoleSwingUp;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The WANN tasks known by id. A new task joins by adding one {@link Spec} to {@link #BUILT_IN}, or by
 * passing its own Spec to {@link WannSearch}.
 */
public final class WannTasks {

    /**
     * How to make a task.
     *
     * @param id                task id
     * @param inputs            network inputs
     * @param outputs           network outputs
     * @param mutation          roulette weights and hidden activation range of this task (WANNRelease ann_actRange)
     * @param weightBias        WANNTool's weight_bias for tuned-weight files of this task
     * @param create            makes the task from a data directory (ignored by tasks without data)
     */
    public record Spec(String id, int inputs, int outputs, MutationSettings mutation, float weightBias,
                       Function<Path, WannTask> create) {
    }

    private static final Map<String, Spec> BUILT_IN = builtIn();

    private WannTasks() {
    }

    private static Map<String, Spec> builtIn() {
        Map<String, Spec> m = new LinkedHashMap<>();
        m.put("swingup", new Spec("swingup", 5, 1, MutationSettings.swingup(), -1.5f,
                dir -> new ControlWannTask(CartPoleSwingUp.standard())));
        m.put("mnist256", new Spec("mnist256", 256, 10, MutationSettings.mnist256(), 0f,
                dir -> mnist256(DataSets.load(dir, "mnist", true), "mnist256")));
        m.put("mnist256-sample", new Spec("mnist256-sample", 256, 10, MutationSettings.mnist256(), 0f,
                dir -> mnist256(DataSets.load(dir, "mnist-sample", true), "mnist256-sample")));
        return java.util.Collections.unmodifiableMap(m);
    }

    /** Task ids known here. */
    public static List<String> ids() {
        return List.copyOf(BUILT_IN.keySet());
    }

    /** The spec of a task; IllegalArgumentException listing the ids otherwise. */
    public static Spec get(String id) {
        Spec s = BUILT_IN.get(id);
        if (s == null) {
            throw new IllegalArgumentException("unknown WANN task '" + id + "'; known: " + String.join(", ", ids()));
        }
        return s;
    }

    /** MNIST256 classification on 28×28 digits: the WANN preprocessing, 1000-image rollouts. */
    public static ClassificationWannTask mnist256(Dataset digits, String id) {
        Dataset small = Mnist256.apply(digits);
        return new ClassificationWannTask(id, small, Math.min(1000, small.size()));
    }

    /** The MNIST256 test split from a data directory ("mnist" or "mnist-sample"), preprocessed. */
    public static Dataset mnist256Test(Path dir, String taskId) {
        String name = taskId.equals("mnist256-sample") ? "mnist-sample" : "mnist";
        return Mnist256.apply(DataSets.load(dir, name, false));
    }
}
