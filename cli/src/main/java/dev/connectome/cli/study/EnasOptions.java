package dev.connectome.cli.study;

import picocli.CommandLine.Option;

/** The ENAS-only options of {@code nas search --space enas} (a mixin, to keep the command small). */
public final class EnasOptions {
    @Option(names = "--shared-steps", paramLabel = "N", defaultValue = "100",
            description = "Enas: shared-weight training steps at the start of each epoch (default: ${DEFAULT-VALUE}).")
    int sharedSteps;

    @Option(names = "--controller-steps", paramLabel = "N", defaultValue = "20",
            description = "Enas: controller steps (trials) per epoch, each one child scored with shared weights "
                    + "(default: ${DEFAULT-VALUE}).")
    int controllerSteps;

    @Option(names = "--nodes", paramLabel = "N", defaultValue = "5",
            description = "Enas: computing nodes of the ENAS cell (default: ${DEFAULT-VALUE}).")
    int nodes;

    @Option(names = "--width", paramLabel = "H", defaultValue = "64",
            description = "Enas: hidden width of the shared supernet (default: ${DEFAULT-VALUE}).")
    int width;

    @Option(names = "--reward-images", paramLabel = "N", defaultValue = "256",
            description = "Enas: validation images in each controller reward batch (default: ${DEFAULT-VALUE}).")
    int rewardImages;

    @Option(names = "--final-samples", paramLabel = "N", defaultValue = "50",
            description = "Enas: children of the final policy ranked with shared weights on --val-images; the best is "
                    + "retrained (default: ${DEFAULT-VALUE}).")
    int finalSamples;

    @Option(names = "--retrain-epochs", paramLabel = "E", defaultValue = "1",
            description = "Enas: epochs of retraining the best child from scratch (default: ${DEFAULT-VALUE}).")
    int retrainEpochs;
}
