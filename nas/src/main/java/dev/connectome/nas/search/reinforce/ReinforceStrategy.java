package dev.connectome.nas.search.reinforce;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.connectome.engine.Parallelism;
import dev.connectome.engine.Tape;
import dev.connectome.engine.Tensor;
import dev.connectome.engine.ops.Arithmetic;
import dev.connectome.engine.optim.Adam;
import dev.connectome.nas.evaluate.Evaluation;
import dev.connectome.nas.search.Strategy;
import dev.connectome.nas.space.SearchSpace;
import dev.connectome.nas.space.TokenView;
import dev.connectome.nas.study.Seeds;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;

/**
 * NAS-style search (Zoph &amp; Le 2017) over any space's {@link TokenView}: an LSTM {@link Controller}
 * proposes children, and every {@code batchSize} told results make one REINFORCE update with an
 * exponential-moving-average baseline, an optional entropy bonus, optional reward shaping (accuracy³)
 * and Adam; optionally with the architecture-memory regulariser of seed 002.
 *
 * <p>Determinism: the controller's state changes only in {@link #tell}, from the told values alone, so
 * a snapshot is just the told history, and {@link #restore} replays it on a controller rebuilt from the
 * settings' seed (same ops on one thread, bit for bit). Failed evaluations are recorded but give no
 * reward. Asked-but-untold candidates are remembered so a tell is credited to the tokens the controller
 * actually sampled.
 *
 * @param <A> the architecture type
 */
public final class ReinforceStrategy<A> implements Strategy<A> {

    /**
     * One told child as the controller learned from it.
     *
     * @param tokens    its decisions
     * @param value     the objective, NaN when the evaluation failed
     * @param reward    the shaped reward, NaN when failed
     * @param baseline  the baseline its advantage was taken against (NaN until its batch was used)
     */
    public record Told(int[] tokens, double value, double reward, double baseline) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long MEMORY_FILL_STREAM = 101;
    private static final long MEMORY_DRAW_STREAM = 102;

    private final SearchSpace<A> space;
    private final TokenView<A> view;
    private final ControllerSettings settings;
    private final DecisionLayout layout;
    private final RewardShaping shaping;

    private Controller controller;
    private Adam adam;
    private ArchitectureMemory memory;
    private double baseline;
    private boolean baselineSet;
    private int updates;
    private final List<int[]> batchTokens = new ArrayList<>();
    private final List<Double> batchRewards = new ArrayList<>();
    private final List<Told> history = new ArrayList<>();
    private final List<Controller.Sample> asked = new ArrayList<>();
    private final List<Pending<A>> pending = new ArrayList<>();

    private record Pending<A>(A architecture, int[] tokens) {
    }

    public ReinforceStrategy(SearchSpace<A> space, ControllerSettings settings) {
        this.space = Objects.requireNonNull(space, "space");
        this.view = space.tokens();
        this.settings = Objects.requireNonNull(settings, "settings");
        this.layout = DecisionLayout.of(view, settings.perPositionHeads());
        this.shaping = RewardShaping.of(settings.reward());
        reset();
    }

    private void reset() {
        controller = new Controller(layout, settings);
        adam = new Adam(controller.parameters(), Adam.Settings.of(settings.learningRate()));
        memory = settings.memory() == null ? null : new ArchitectureMemory(settings.memory());
        baseline = 0;
        baselineSet = false;
        updates = 0;
        batchTokens.clear();
        batchRewards.clear();
        history.clear();
        asked.clear();
        pending.clear();
    }

    @Override
    public String id() {
        return "reinforce";
    }

    public ControllerSettings settings() {
        return settings;
    }

    /** The live controller (its weights change with every update). */
    public Controller controller() {
        return controller;
    }

    /** A controller as this strategy's was before any update (same seed). */
    public Controller untrainedController() {
        return new Controller(layout, settings);
    }

    /** Every told child, in order. */
    public List<Told> history() {
        return Collections.unmodifiableList(history);
    }

    /** Every sample asked in this process, with its hidden states, in order. */
    public List<Controller.Sample> asked() {
        return Collections.unmodifiableList(asked);
    }

    /** Controller updates done so far. */
    public int updates() {
        return updates;
    }

    /** The current EMA baseline (0 before the first update). */
    public double baseline() {
        return baseline;
    }

    /** Architectures in the memory regulariser's buffer (0 without one). */
    public int memorySize() {
        return memory == null ? 0 : memory.size();
    }

    @Override
    public A ask(java.util.random.RandomGenerator rng) {
        Controller.Sample s = controller.sample(rng);
        A a = view.decode(s.tokens());
        asked.add(s);
        pending.add(new Pending<>(a, s.tokens()));
        return a;
    }

    @Override
    public void tell(A architecture, Evaluation evaluation) {
        int[] tokens = null;
        for (Iterator<Pending<A>> it = pending.iterator(); it.hasNext(); ) {
            Pending<A> p = it.next();
            if (p.architecture().equals(architecture)) {
                tokens = p.tokens();
                it.remove();
                break;
            }
        }
        if (tokens == null) { // asked by another process, or before a restore
            tokens = view.encode(architecture);
        }
        learn(tokens, evaluation.isComplete() ? evaluation.value() : Double.NaN);
    }

    /** Learns from one told result (NaN value: failed, no reward). */
    private void learn(int[] tokens, double value) {
        layout.check(tokens);
        if (Double.isNaN(value)) {
            history.add(new Told(tokens.clone(), Double.NaN, Double.NaN, Double.NaN));
            return;
        }
        double reward = shaping.reward(value / settings.valueScale());
        history.add(new Told(tokens.clone(), value, reward, Double.NaN));
        batchTokens.add(tokens.clone());
        batchRewards.add(reward);
        if (batchTokens.size() == settings.batchSize()) {
            update();
        }
    }

    private void update() {
        int b = batchTokens.size();
        int[][] seqs = batchTokens.toArray(new int[0][]);
        double[] rewards = batchRewards.stream().mapToDouble(Double::doubleValue).toArray();
        if (!baselineSet) { // start the EMA at the first batch's mean rather than at 0
            baseline = Arrays.stream(rewards).average().orElse(0);
            baselineSet = true;
        }
        double[] advantages = new double[b];
        for (int i = 0; i < b; i++) {
            advantages[i] = rewards[i] - baseline;
        }
        for (int i = history.size() - b; i < history.size(); i++) {
            Told t = history.get(i);
            if (!Double.isNaN(t.reward())) {
                history.set(i, new Told(t.tokens(), t.value(), t.reward(), baseline));
            }
        }
        int epoch = memory == null ? 0 : updates / settings.memory().updatesPerEpoch() + 1;
        Tape tape = Tape.training(Parallelism.single());
        Tensor loss = PolicyLoss.reinforce(tape, controller.rollout(tape, seqs, false), seqs, advantages,
                settings.entropyWeight());
        if (memory != null && memory.supervisedIn(epoch)) {
            int[][] drawn = memory.draw(Seeds.generator(Seeds.derive(settings.seed(), MEMORY_DRAW_STREAM, updates)));
            Tensor sup = PolicyLoss.negativeLogLikelihood(tape, controller.rollout(tape, drawn, false), drawn);
            loss = Arithmetic.add(tape, loss, Arithmetic.mulScalar(tape, sup, (float) settings.memory().weight()));
        }
        adam.zeroGrad();
        tape.backward(loss);
        adam.step();
        tape.reset();
        for (double r : rewards) {
            baseline = settings.baselineDecay() * baseline + (1 - settings.baselineDecay()) * r;
        }
        batchTokens.clear();
        batchRewards.clear();
        updates++;
        if (memory != null && updates % settings.memory().updatesPerEpoch() == 0) {
            int finished = updates / settings.memory().updatesPerEpoch();
            memory.endOfEpoch(finished, controller,
                    Seeds.generator(Seeds.derive(settings.seed(), MEMORY_FILL_STREAM, finished)));
        }
    }

    @Override
    public String snapshot() {
        ObjectNode node = JSON.createObjectNode();
        node.put("strategy", "reinforce");
        node.put("settings", settings.toString());
        ArrayNode list = node.putArray("history");
        for (Told t : history) {
            ObjectNode o = list.addObject();
            ArrayNode tok = o.putArray("tokens");
            for (int v : t.tokens()) {
                tok.add(v);
            }
            if (Double.isNaN(t.value())) {
                o.putNull("value");
            } else {
                o.put("value", t.value());
            }
        }
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write reinforce snapshot", e);
        }
    }

    @Override
    public void restore(String json) {
        JsonNode node;
        try {
            node = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("malformed reinforce strategy snapshot: " + e.getOriginalMessage());
        }
        if (node == null || !node.isObject() || !"reinforce".equals(node.path("strategy").asText())) {
            throw new IllegalArgumentException("not a reinforce strategy snapshot: "
                    + (json.length() <= 80 ? json : json.substring(0, 77) + "..."));
        }
        if (!settings.toString().equals(node.path("settings").asText())) {
            throw new IllegalArgumentException("reinforce snapshot was taken with other controller settings: "
                    + node.path("settings").asText());
        }
        List<int[]> tokens = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        for (JsonNode t : node.path("history")) {
            JsonNode tok = t.path("tokens");
            if (!tok.isArray()) {
                throw new IllegalArgumentException("reinforce snapshot entry without tokens: " + t);
            }
            int[] seq = new int[tok.size()];
            for (int i = 0; i < seq.length; i++) {
                seq[i] = tok.get(i).asInt();
            }
            layout.check(seq);
            JsonNode v = t.get("value");
            if (v != null && !v.isNull() && !v.isNumber()) {
                throw new IllegalArgumentException("reinforce snapshot entry with a non-numeric value: " + t);
            }
            tokens.add(seq);
            values.add(v == null || v.isNull() ? Double.NaN : v.asDouble());
        }
        reset();
        for (int i = 0; i < tokens.size(); i++) {
            learn(tokens.get(i), values.get(i));
        }
    }
}
