package dev.connectome.nas.cell;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.connectome.engine.optim.Adam;
import dev.connectome.nas.evaluate.Evaluation;
import dev.connectome.nas.evaluate.Evaluator;
import dev.connectome.nas.evaluate.TrialContext;
import dev.connectome.nas.search.Strategy;
import dev.connectome.nas.search.reinforce.ControllerSettings;
import dev.connectome.nas.search.reinforce.ReinforceStrategy;
import dev.connectome.nas.study.Seeds;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * An ENAS search (Pham et al. 2018) as one study: a {@link #strategy()} and an {@link #evaluator()}
 * over a shared {@link EnasSupernet}. Trial n &lt; {@link EnasSchedule#finalTrial()} is one controller
 * step: at the start of every epoch its ask first trains the shared weights for
 * {@code sharedSteps} steps on children of the current policy, then samples a child; the evaluator scores
 * that child with the shared weights on a random validation batch, and the told value is the
 * controller's reward. The final trial asks for the best of {@code finalSamples} policy children (ranked
 * with shared weights on fixed validation images) and evaluates it retrained from scratch: its value is
 * the retrained validation accuracy, the test accuracy and the shared-weight statistics are metrics.
 * Without controller settings the policy is uniform sampling (ENAS with a random controller).
 *
 * <p>Study requirements: one worker and batch size 1 (trials change the shared weights in order), study
 * seed = {@code seed}. Determinism: all randomness comes from the trials' generators and the seed, so a
 * snapshot is the told history and {@link Strategy#restore} replays it (re-training the shared weights,
 * about the cost of the search without its validation scoring) lazily on the next ask or evaluation.
 */
public final class EnasSearch {
    /** Metric names of the final trial. */
    public static final String TEST = "test", SHARED = "shared", SHARED_MEAN = "sharedMean", SHARED_SD = "sharedSd",
            SHARED_MAX = "sharedMax", DISTINCT = "distinct", SAMPLES = "samples", EPOCH = "epoch";

    /** One told trial as stored: architecture text, value (NaN when failed) and failure reason. */
    public record Told(String architecture, double value, String failure) {
    }

    /** The final policy children scored with shared weights (accuracies in percent). */
    public record Selection(EnasCell best, double bestShared, double mean, double sd, double max, int distinct, int samples) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final EnasData data;
    private final EnasSchedule schedule;
    private final int nodes;
    private final int hidden;
    private final long seed;
    private final ControllerSettings controllerSettings;
    private final EnasCellSpace space;
    private final Strategy<EnasCell> strategy = new StrategyView();
    private final Evaluator<EnasCell> evaluator = new EvaluatorView();

    private EnasSupernet net;
    private Adam opt;
    private ReinforceStrategy<EnasCell> controller;
    private int asked;
    private final List<Told> told = new ArrayList<>();
    private List<Told> toReplay = List.of();
    private Selection selection;

    /**
     * @param controller the REINFORCE controller settings (seed = its own), or null for uniform sampling
     */
    public EnasSearch(EnasData data, EnasSchedule schedule, int nodes, int hidden, ControllerSettings controller, long seed) {
        if (hidden < 1) {
            throw new IllegalArgumentException("ENAS supernet width must be >= 1, got " + hidden);
        }
        this.data = data;
        this.schedule = schedule;
        this.nodes = nodes;
        this.hidden = hidden;
        this.seed = seed;
        this.controllerSettings = controller;
        this.space = new EnasCellSpace(nodes);
        reset();
    }

    private void reset() {
        net = new EnasSupernet(data.train().sampleSize(), hidden, data.train().numClasses(), nodes, new SplittableRandom(seed));
        opt = new Adam(net.parameters(), Adam.Settings.of(schedule.learningRate()));
        controller = controllerSettings == null ? null : new ReinforceStrategy<>(space, controllerSettings);
        asked = 0;
        told.clear();
        selection = null;
    }

    public EnasCellSpace space() {
        return space;
    }

    public EnasSchedule schedule() {
        return schedule;
    }

    /** The study's strategy (id "enas" with a controller, "random" without). */
    public Strategy<EnasCell> strategy() {
        return strategy;
    }

    /** The study's evaluator; only trials this search asked (or the next one) can be evaluated. */
    public Evaluator<EnasCell> evaluator() {
        return evaluator;
    }

    /** The controller, empty for uniform sampling. */
    public synchronized Optional<ReinforceStrategy<EnasCell>> controller() {
        replayPending();
        return Optional.ofNullable(controller);
    }

    /** The shared weights as they are now. */
    public synchronized EnasSupernet supernet() {
        replayPending();
        return net;
    }

    /** The final selection, once the final trial was asked. */
    public synchronized Optional<Selection> selection() {
        replayPending();
        return Optional.ofNullable(selection);
    }

    /** Replays told trials in order on a fresh state (as after a restore), at once. */
    public synchronized void replay(List<Told> history) {
        reset();
        for (int n = 0; n < history.size(); n++) {
            Told t = history.get(n);
            EnasCell a = doAsk(Seeds.trial(seed, n));
            if (!a.format().equals(t.architecture())) {
                throw new IllegalArgumentException("ENAS history does not replay: trial " + n + " asks " + a.format()
                        + " but the stored trial is " + t.architecture() + " (other settings or another version?)");
            }
            doTell(a, Double.isNaN(t.value()) ? Evaluation.failed(t.failure() == null ? "failed" : t.failure())
                    : Evaluation.complete(t.value()));
        }
    }

    /** Shared-weight accuracy (percent) of {@code child} on the fixed ranking images. */
    public synchronized double sharedAccuracy(EnasCell child) {
        replayPending();
        return 100 * EnasTraining.accuracy(net, child, data.ranking());
    }

    private void replayPending() {
        if (!toReplay.isEmpty()) {
            List<Told> h = toReplay;
            toReplay = List.of();
            replay(h);
        }
    }

    private EnasCell policySample(RandomGenerator rng) {
        return controller == null ? space.sample(rng) : space.tokens().decode(controller.controller().sample(rng).tokens());
    }

    private EnasCell doAsk(RandomGenerator rng) {
        int n = asked;
        if (n > schedule.finalTrial()) {
            throw new IllegalStateException("this ENAS search has " + schedule.trials() + " trials; trial " + n + " asked");
        }
        asked++;
        if (n == schedule.finalTrial()) {
            selection = select(rng);
            return selection.best();
        }
        if (n % schedule.controllerSteps() == 0) {
            for (int s = 0; s < schedule.sharedSteps(); s++) {
                EnasTraining.step(net, opt, policySample(rng), data.train(), schedule.batch(), rng);
            }
        }
        return controller == null ? space.sample(rng) : controller.ask(rng);
    }

    private Selection select(RandomGenerator rng) {
        int k = schedule.finalSamples();
        double[] acc = new double[k];
        Set<EnasCell> seen = new HashSet<>();
        EnasCell best = null;
        double bestAcc = -1, sum = 0;
        for (int i = 0; i < k; i++) {
            EnasCell c = policySample(rng);
            seen.add(c);
            acc[i] = 100 * EnasTraining.accuracy(net, c, data.ranking());
            sum += acc[i];
            if (acc[i] > bestAcc) {
                bestAcc = acc[i];
                best = c;
            }
        }
        double mean = sum / k, ss = 0;
        for (double a : acc) {
            ss += (a - mean) * (a - mean);
        }
        return new Selection(best, bestAcc, mean, k > 1 ? Math.sqrt(ss / (k - 1)) : 0, bestAcc, seen.size(), k);
    }

    private void doTell(EnasCell a, Evaluation e) {
        if (controller != null && told.size() < schedule.finalTrial()) {
            controller.tell(a, e);
        }
        told.add(new Told(a.format(), e.isComplete() ? e.value() : Double.NaN, e.failure()));
    }

    /** Makes sure trial {@code number} was asked here: the next unasked trial is asked now (a resumed study). */
    private void catchUp(int number, EnasCell a) {
        if (number == asked) {
            EnasCell mine = doAsk(Seeds.trial(seed, number));
            if (!mine.equals(a)) {
                throw new IllegalStateException("ENAS trial " + number + " is " + a.format() + " but this search asks "
                        + mine.format() + " (other settings?)");
            }
        } else if (number > asked) {
            throw new IllegalStateException("ENAS trial " + number + " can only be evaluated by the process that trains the "
                    + "shared weights (this one has asked " + asked + " trials)");
        }
    }

    private Evaluation evaluate(EnasCell a, TrialContext ctx) {
        long t0 = System.nanoTime();
        int n = ctx.number();
        if (n < schedule.finalTrial()) {
            double acc = EnasTraining.accuracy(net, a, EnasTraining.batch(data.validation(), schedule.rewardImages(),
                    ctx.random()));
            return Evaluation.complete(100 * acc, Map.of(EPOCH, (double) (n / schedule.controllerSteps())),
                    (System.nanoTime() - t0) / 1e9);
        }
        EnasSupernet alone = EnasTraining.retrain(a, hidden, data.train(), schedule.retrainEpochs(), schedule.batch(),
                schedule.learningRate(), ctx.random());
        Map<String, Double> m = new LinkedHashMap<>();
        m.put(TEST, 100 * EnasTraining.accuracy(alone, a, data.test()));
        if (selection != null) {
            m.put(SHARED, selection.bestShared());
            m.put(SHARED_MEAN, selection.mean());
            m.put(SHARED_SD, selection.sd());
            m.put(SHARED_MAX, selection.max());
            m.put(DISTINCT, (double) selection.distinct());
            m.put(SAMPLES, (double) selection.samples());
        }
        return Evaluation.complete(100 * EnasTraining.accuracy(alone, a, data.ranking()), m, (System.nanoTime() - t0) / 1e9);
    }

    private final class StrategyView implements Strategy<EnasCell> {
        @Override
        public String id() {
            return controllerSettings == null ? "random" : "enas";
        }

        @Override
        public EnasCell ask(RandomGenerator rng) {
            synchronized (EnasSearch.this) {
                replayPending();
                return doAsk(rng);
            }
        }

        @Override
        public void tell(EnasCell architecture, Evaluation evaluation) {
            synchronized (EnasSearch.this) {
                replayPending();
                catchUp(told.size(), architecture);
                doTell(architecture, evaluation);
            }
        }

        @Override
        public String snapshot() {
            synchronized (EnasSearch.this) {
                ObjectNode node = JSON.createObjectNode();
                node.put("strategy", id());
                ArrayNode list = node.putArray("told");
                for (Told t : toReplay.isEmpty() ? told : toReplay) {
                    ObjectNode o = list.addObject();
                    o.put("a", t.architecture());
                    if (Double.isNaN(t.value())) {
                        o.putNull("v");
                        o.put("f", t.failure());
                    } else {
                        o.put("v", t.value());
                    }
                }
                try {
                    return JSON.writeValueAsString(node);
                } catch (JsonProcessingException e) {
                    throw new IllegalStateException("cannot write ENAS snapshot", e);
                }
            }
        }

        @Override
        public void restore(String json) {
            JsonNode node;
            try {
                node = JSON.readTree(json);
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException("malformed ENAS strategy snapshot: " + e.getOriginalMessage());
            }
            if (node == null || !id().equals(node.path("strategy").asText()) || !node.path("told").isArray()) {
                throw new IllegalArgumentException("not an ENAS '" + id() + "' snapshot: "
                        + (json.length() <= 80 ? json : json.substring(0, 77) + "..."));
            }
            List<Told> h = new ArrayList<>();
            for (JsonNode t : node.path("told")) {
                JsonNode v = t.get("v");
                if (!t.path("a").isTextual() || (v != null && !v.isNull() && !v.isNumber())) {
                    throw new IllegalArgumentException("ENAS snapshot entry needs a text 'a' and a numeric 'v': " + t);
                }
                h.add(new Told(t.path("a").asText(), v == null || v.isNull() ? Double.NaN : v.asDouble(),
                        t.path("f").isTextual() ? t.path("f").asText() : null));
            }
            synchronized (EnasSearch.this) {
                reset();
                toReplay = List.copyOf(h);
            }
        }
    }

    private final class EvaluatorView implements Evaluator<EnasCell> {
        @Override
        public Evaluation evaluate(EnasCell architecture, TrialContext context) {
            synchronized (EnasSearch.this) {
                replayPending();
                catchUp(context.number(), architecture);
                return EnasSearch.this.evaluate(architecture, context);
            }
        }

        @Override
        public String id() {
            return "enas-shared:" + data.train().name();
        }
    }
}
