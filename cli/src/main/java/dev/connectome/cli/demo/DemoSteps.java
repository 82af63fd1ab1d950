package dev.connectome.cli.demo;

import dev.connectome.cli.wire.WireDemoStep;
import java.util.List;

/** The steps of {@code connectome demo}, in the order they run. Later methods append theirs here. */
public final class DemoSteps {
    private DemoSteps() {
    }

    public static List<DemoStep> all() {
        return List.of(new MlpDemoStep(), new Nb201DemoStep(), new WannDemoStep(), new WireDemoStep());
    }
}
