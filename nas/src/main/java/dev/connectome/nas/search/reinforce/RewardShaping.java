package dev.connectome.nas.search.reinforce;

import java.util.Map;
import java.util.TreeMap;

/**
 * Turns an accuracy in [0, 1] into the controller's reward. Registered shapings: "accuracy" (R = a)
 * and "accuracy3" (R = a³, the NAS paper's reward, Zoph &amp; Le 2017).
 */
public interface RewardShaping {

    /** The reward for accuracy {@code a}. */
    double reward(double a);

    /** The registered shapings by id. */
    static Map<String, RewardShaping> registry() {
        Map<String, RewardShaping> m = new TreeMap<>();
        m.put("accuracy", a -> a);
        m.put("accuracy3", a -> a * a * a);
        return m;
    }

    /** The shaping with this id; IllegalArgumentException naming the known ids otherwise. */
    static RewardShaping of(String id) {
        RewardShaping s = registry().get(id);
        if (s == null) {
            throw new IllegalArgumentException("unknown reward shaping '" + id + "' (known: "
                    + String.join(", ", registry().keySet()) + ")");
        }
        return s;
    }
}
