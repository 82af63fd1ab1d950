package dev.connectome.cli;

import dev.connectome.cli.model.MlpSpec;
import dev.connectome.cli.model.ModelFile;
import dev.connectome.cli.model.ModelHeader;
import dev.connectome.engine.Parallelism;
import dev.connectome.engine.nn.Activation;
import dev.connectome.engine.nn.Module;
import dev.connectome.nas.task.Classification;
import dev.connectome.nas.task.ClassificationTrainer;
import dev.connectome.nas.task.Metrics;
import dev.connectome.nas.task.TrainResult;
import dev.connectome.nas.task.TrainSettings;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Trains an MLP classifier the way {@code train} and {@code demo} both do: build from the seed,
 * train with a progress bar, check for divergence, measure the test set, and save a model file.
 */
public final class TrainingRun {
    /** A finished run. */
    public record Outcome(MlpSpec spec, Module model, TrainResult result, Metrics test, ModelHeader header) {
    }

    private TrainingRun() {
    }

    public static Outcome run(Io io, DataOptions.Loaded data, int[] hidden, Activation activation, TrainSettings settings,
                       Map<String, Object> resolved) {
        MlpSpec spec = MlpSpec.of(data.train().sampleSize(), hidden, activation.id(), data.train().numClasses(),
                data.train().sampleShape(), data.train().classNames());
        Module model = spec.build(settings.random("init"));
        int validation = (int) Math.round(data.train().size() * settings.validationFraction());
        io.out().printf(Locale.ROOT, "model: %s, %,d parameters; data: %s (%s), %,d train / %,d validation / %,d test%n",
                spec.describe(), model.parameterCount(), data.name(), data.origin(), data.train().size() - validation,
                validation, data.test().size());
        io.out().flush();
        TrainResult result = new ClassificationTrainer(settings).fit(model, data.train(),
                new ProgressBar(io.out(), io.tty()));
        if (!result.completed()) {
            throw new UserException("training diverged: " + result.failure());
        }
        Metrics test;
        try (Parallelism par = Parallelism.of(settings.threads())) {
            test = Classification.evaluate(model, data.test(), 512, par);
        }
        String val = result.validation().count() > 0
                ? String.format(Locale.ROOT, "validation accuracy %.2f%% (loss %.4f), ", 100 * result.validation().accuracy(),
                result.validation().loss()) : "";
        io.out().printf(Locale.ROOT, "%stest accuracy %.2f%% (loss %.4f) on %,d samples; %.1fs%n", val,
                100 * test.accuracy(), test.loss(), test.count(), result.seconds());
        Map<String, Object> metrics = new LinkedHashMap<>();
        metrics.put("validationAccuracy", result.validation().accuracy());
        metrics.put("validationLoss", result.validation().loss());
        metrics.put("testAccuracy", test.accuracy());
        metrics.put("testLoss", test.loss());
        metrics.put("testSamples", test.count());
        metrics.put("trainSeconds", result.seconds());
        ModelHeader.Provenance provenance = new ModelHeader.Provenance(data.name(), data.train().sha256(),
                settings.seed(), versionString(), Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(),
                System.getProperty("java.version") + " " + System.getProperty("java.vm.name"));
        ModelHeader header = ModelHeader.describe(spec, model, resolved, metrics, provenance);
        return new Outcome(spec, model, result, test, header);
    }

    /** Fails early (before a long run) when {@code path} cannot be a model file. */
    public static void checkOutput(Path path) {
        if (java.nio.file.Files.isDirectory(path)) {
            throw new UserException("output " + path + " is a directory; give a file name such as " + path.resolve("model.cnm"));
        }
    }

    public static void save(Io io, Path path, Outcome outcome) {
        checkOutput(path);
        try {
            ModelFile.write(path, outcome.header(), outcome.model());
        } catch (IOException e) {
            String why = ErrorReporter.userMessage(e);
            throw new UserException("cannot write model file " + path + ": " + (why != null ? why : e), e);
        }
        io.out().println("model saved to " + path);
        io.out().flush();
    }

    public static String versionString() {
        String commit = VersionProvider.GitCommit.find(VersionProvider.jarDirectory());
        return VersionProvider.version() + (commit != null ? " (commit " + commit + ")" : "");
    }
}
