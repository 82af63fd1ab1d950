package dev.connectome.cli;

import dev.connectome.cli.model.ModelFile;
import dev.connectome.engine.Parallelism;
import dev.connectome.nas.data.Dataset;
import dev.connectome.nas.task.Classification;
import dev.connectome.nas.task.Metrics;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code connectome eval MODEL}: reloads a model file and measures it on a test set. */
@Command(name = "eval", sortOptions = false, usageHelpAutoWidth = true,
        description = "Reload a model file and print its test accuracy (default: on the embedded MNIST sample's test digits).")
final class EvalCommand implements Callable<Integer> {
    private final Io io;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "MODEL", description = "A model file written by 'connectome train'.")
    Path model;

    @Mixin
    DataOptions data;

    @Option(names = "--batch", paramLabel = "N", defaultValue = "512", description = "Evaluation batch size (default: ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--threads", paramLabel = "N", defaultValue = "0", description = "Kernel threads (0: all cores).")
    int threads;

    @Mixin
    CommonOptions common;

    EvalCommand(Io io) {
        this.io = io;
    }

    /** "mnist-train" and "mnist-test" (or the sample's halves) are one family; fashion-mnist is another. */
    private static boolean sameFamily(String a, String b) {
        return stem(a).equals(stem(b));
    }

    private static String stem(String name) {
        return name.replaceAll("-(train|test)$", "").replaceAll("-sample$", "");
    }

    @Override
    public Integer call() throws IOException {
        if (batch < 1) {
            throw new UserException("--batch must be at least 1, got " + batch);
        }
        threads = TrainOptions.resolveThreads(threads); // print the resolved count, not 0
        io.out().println(ResolvedSettings.line(spec) + " model=" + model);
        ModelFile.Saved saved = ModelFile.read(model);
        var arch = saved.header().architecture();
        var prov = saved.header().provenance();
        io.out().printf(Locale.ROOT, "model: %s, %,d parameters; trained on %s (seed %s) by connectome %s%n",
                arch.describe(), saved.model().parameterCount(), prov != null ? prov.dataset() : "?",
                prov != null ? prov.seed() : "?", prov != null ? prov.version() : "?");
        Dataset test = data.load().test();
        if (test.sampleSize() != arch.inputs()) {
            throw new UserException("model " + model + " expects samples of " + arch.inputs() + " values, but "
                    + test.name() + " has samples of shape " + Arrays.toString(test.sampleShape()));
        }
        if (test.numClasses() > arch.outputs()) {
            throw new UserException("model " + model + " has " + arch.outputs() + " outputs, but " + test.name()
                    + " has " + test.numClasses() + " classes");
        }
        if (prov != null && prov.dataset() != null && !sameFamily(prov.dataset(), test.name())) {
            io.out().println("note: the model was trained on " + prov.dataset() + ", this evaluates it on " + test.name());
        }
        Metrics m;
        try (Parallelism par = Parallelism.of(threads)) {
            m = Classification.evaluate(saved.model(), test, batch, par);
        }
        io.out().printf(Locale.ROOT, "test accuracy %.2f%% (loss %.4f) on %,d samples of %s%n", 100 * m.accuracy(),
                m.loss(), m.count(), test.name());
        return ExitCodes.OK;
    }
}
