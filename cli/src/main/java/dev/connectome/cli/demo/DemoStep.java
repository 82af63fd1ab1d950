package dev.connectome.cli.demo;

/**
 * One part of {@code connectome demo}. Steps run in order on a shared {@link DemoContext}; each
 * writes its files into the context's output directory and adds its results to the summary. New
 * methods join the demo by adding a step to {@link DemoSteps#all()}.
 */
public interface DemoStep {
    /** A short title shown when the step starts, e.g. "MLP on the embedded MNIST sample". */
    String title();

    /** Runs the step; user-caused problems are thrown as exceptions with a one-line message. */
    void run(DemoContext context) throws Exception;
}
