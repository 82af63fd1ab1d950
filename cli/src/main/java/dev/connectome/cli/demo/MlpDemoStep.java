package dev.connectome.cli.demo;

import dev.connectome.cli.DataOptions;
import dev.connectome.cli.TrainingRun;
import dev.connectome.engine.nn.Activation;
import dev.connectome.nas.task.OptimizerSpec;
import dev.connectome.nas.task.ScheduleSpec;
import dev.connectome.nas.task.TrainSettings;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The baseline: a 784-100-10 ReLU MLP trained by backprop with Adam on the embedded MNIST sample. */
final class MlpDemoStep implements DemoStep {
    private static final int[] HIDDEN = {100};

    @Override
    public String title() {
        return "MLP 784-100-10 trained with Adam on the embedded MNIST sample";
    }

    @Override
    public void run(DemoContext ctx) {
        var sample = ctx.sample();
        var data = new DataOptions.Loaded(sample.train().name(), sample.train(), sample.validation(),
                "embedded MNIST sample");
        TrainSettings settings = new TrainSettings(ctx.epochs(), 64, ctx.seed(), ctx.threads(), OptimizerSpec.adam(1e-3),
                ScheduleSpec.constant(), 0, 0.1);
        Map<String, Object> resolved = new LinkedHashMap<>();
        resolved.put("hidden", List.of(100));
        resolved.put("activation", "relu");
        resolved.put("optimizer", "adam");
        resolved.put("lr", 1e-3);
        resolved.put("epochs", settings.epochs());
        resolved.put("batch", settings.batchSize());
        resolved.put("seed", settings.seed());
        resolved.put("threads", settings.threads());
        resolved.put("validation", settings.validationFraction());
        TrainingRun.Outcome outcome = TrainingRun.run(ctx.io(), data, HIDDEN, Activation.RELU, settings, resolved);
        Path model = ctx.outDir().resolve("mlp.cnm");
        TrainingRun.save(ctx.io(), model, outcome);
        ctx.wrote(model);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("architecture", outcome.spec().describe());
        result.put("parameters", outcome.model().parameterCount());
        result.put("epochs", settings.epochs());
        result.put("validationAccuracy", outcome.result().validation().accuracy());
        result.put("testAccuracy", outcome.test().accuracy());
        result.put("testSamples", outcome.test().count());
        result.put("seconds", outcome.result().seconds());
        result.put("model", model.getFileName().toString());
        ctx.put("mlp", result);
    }
}
