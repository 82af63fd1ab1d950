package dev.connectome.cli.wire;

import dev.connectome.cli.demo.DemoContext;
import dev.connectome.cli.demo.DemoStep;
import dev.connectome.engine.Parallelism;
import dev.connectome.nas.data.Dataset;
import dev.connectome.nas.task.Classification;
import dev.connectome.nas.task.ClassificationTrainer;
import dev.connectome.nas.task.OptimizerSpec;
import dev.connectome.nas.task.ScheduleSpec;
import dev.connectome.nas.task.TrainResult;
import dev.connectome.nas.task.TrainSettings;
import dev.connectome.nas.wiring.Dnw;
import dev.connectome.nas.wiring.NeuronGraphNet;
import dev.connectome.nas.wiring.NeuronGraphSpec;
import dev.connectome.nas.wiring.WiringRecorder;
import dev.connectome.report.wiring.WiringViewer;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Demo step: DNW learns a 2,000-edge neuron graph on the embedded MNIST sample and the wiring over
 * training is written as {@code wiring.html} (the slider viewer).
 */
public final class WireDemoStep implements DemoStep {
    @Override
    public String title() {
        return "DNW neuron graph (2,000 learned edges) on the embedded MNIST sample";
    }

    @Override
    public void run(DemoContext context) throws Exception {
        Dataset.Split sample = context.sample();
        NeuronGraphSpec spec = new NeuronGraphSpec(sample.train().sampleSize(), new int[] {64, 64}, 10, 2000, 28);
        OptimizerSpec sgd = new OptimizerSpec(OptimizerSpec.Kind.SGD, 0.05, 0.9, false, 1e-4, 0.9, 0.999, 1e-8, 0.99);
        TrainSettings settings = new TrainSettings(Math.max(1, context.epochs()), 128, context.seed(), context.threads(),
                sgd, ScheduleSpec.cosine(0), 0, 0);
        NeuronGraphNet net = new NeuronGraphNet(spec, new Dnw(), settings.random("init"));
        WiringRecorder recorder = new WiringRecorder(net, 10, WireRuns.epochPrinter(context.io()));
        recorder.recordInitial();
        TrainResult r = new ClassificationTrainer(settings).fit(net, sample.train(), null, recorder);
        if (!r.completed()) {
            throw new IllegalStateException("DNW demo training stopped: " + r.failure());
        }
        double acc;
        try (Parallelism par = Parallelism.of(settings.threads())) {
            acc = 100 * Classification.evaluate(net, sample.validation(), 500, par).accuracy();
        }
        Path html = context.outDir().resolve("wiring.html");
        WiringViewer.write(recorder.history(String.format(Locale.ROOT,
                "DNW neuron graph on the MNIST sample: 2,000 edges, test accuracy %.2f%%", acc)), html);
        context.io().out().printf(Locale.ROOT, "dnw: test accuracy %.2f%%, wiring viewer %s%n", acc, html);
        context.put("dnw_test_accuracy", acc);
        context.put("dnw_wiring_viewer", html.getFileName().toString());
    }
}
