package dev.connectome.nas.search.reinforce;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * The buffer of the architecture-memory regulariser ({@link MemorySettings}): token sequences sampled
 * from the controller at the end of epochs, bounded, with random replacement once full.
 */
public final class ArchitectureMemory {
    private final MemorySettings settings;
    private final List<int[]> buffer = new ArrayList<>();

    public ArchitectureMemory(MemorySettings settings) {
        this.settings = settings;
    }

    /**
     * End of epoch {@code epoch} (1-based): from {@code startEpoch} on, adds {@code perEpoch} samples while
     * there is room, else replaces {@code replacePerEpoch} random entries.
     */
    public void endOfEpoch(int epoch, Controller controller, RandomGenerator rng) {
        if (epoch < settings.startEpoch()) {
            return;
        }
        if (buffer.size() < settings.capacity()) {
            int add = Math.min(settings.perEpoch(), settings.capacity() - buffer.size());
            for (int i = 0; i < add; i++) {
                buffer.add(controller.sample(rng).tokens());
            }
        } else {
            for (int i = 0; i < settings.replacePerEpoch(); i++) {
                buffer.set(rng.nextInt(buffer.size()), controller.sample(rng).tokens());
            }
        }
    }

    /** Whether L_sup is added in epoch {@code epoch} (1-based, the epoch now running). */
    public boolean supervisedIn(int epoch) {
        return epoch >= settings.supervisedFromEpoch() && !buffer.isEmpty();
    }

    /** {@code supervisedBatch} buffered sequences drawn uniformly with replacement. */
    public int[][] draw(RandomGenerator rng) {
        int[][] out = new int[settings.supervisedBatch()][];
        for (int i = 0; i < out.length; i++) {
            out[i] = buffer.get(rng.nextInt(buffer.size()));
        }
        return out;
    }

    public int size() {
        return buffer.size();
    }
}
