package dev.connectome.bench;

import dev.connectome.engine.Parallelism;
import dev.connectome.engine.Tape;
import dev.connectome.engine.Tensor;
import dev.connectome.engine.ops.Losses;
import dev.connectome.nas.cell.Nb201Cell;
import dev.connectome.nas.cell.Nb201Network;
import dev.connectome.nas.cell.Nb201NetworkSettings;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One NB201 network (C = 16, N = 5, 10 classes, the best CIFAR-10 cell by default) forward and
 * backward (softmax cross-entropy, training-mode BatchNorm) at batch 128, against the PyTorch peer
 * {@code bench/peers/nb201_torch.py} in the same run: per thread count, connectome first, then the
 * peer (so both see the same machine load), then the ratio of medians.
 *
 * <p>Usage: {@code java --add-modules jdk.incubator.vector -cp bench/<target>/benchmarks.jar
 * dev.connectome.bench.Nb201NetBench [threads=1,2] [repeats=7] [cell] [peer=bench/peers/nb201_torch.py|none]}
 */
public final class Nb201NetBench {
    static final String BEST = "|nor_conv_3x3~0|+|nor_conv_3x3~0|nor_conv_3x3~1|+|skip_connect~0|nor_conv_3x3~1|nor_conv_1x1~2|";
    private static final int BATCH = 128;

    private Nb201NetBench() {
    }

    public static void main(String[] args) throws Exception {
        int[] threadCounts = Arrays.stream((args.length > 0 ? args[0] : "1,2").split(","))
                .mapToInt(Integer::parseInt).toArray();
        int repeats = args.length > 1 ? Integer.parseInt(args[1]) : 7;
        String cell = args.length > 2 ? args[2] : BEST;
        String peer = args.length > 3 ? args[3] : "bench/peers/nb201_torch.py";
        SplittableRandom rng = new SplittableRandom(0);
        float[] x = new float[BATCH * 3 * 32 * 32];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) rng.nextGaussian();
        }
        int[] y = new int[BATCH];
        for (int i = 0; i < y.length; i++) {
            y[i] = rng.nextInt(10);
        }
        for (int threads : threadCounts) {
            double ours;
            try (Parallelism par = Parallelism.of(threads)) {
                ours = run(par, Nb201Cell.parse(cell), x, y, repeats);
            }
            if (peer.equals("none") || !Files.exists(Path.of(peer))) {
                continue;
            }
            double torch = peer(peer, threads, repeats, cell);
            System.out.printf("ratio threads=%d connectome/torch=%.2f%n", threads, ours / torch);
        }
    }

    static double run(Parallelism par, Nb201Cell cell, float[] x, int[] y, int repeats) {
        Nb201Network net = new Nb201Network(cell, Nb201NetworkSettings.defaults(), new SplittableRandom(1));
        Tape tape = Tape.training(par);
        List<Double> ms = new ArrayList<>();
        for (int r = 0; r < repeats + 2; r++) { // two warm-up steps: JIT, arena buffers
            long t0 = System.nanoTime();
            for (Tensor p : net.parameters()) {
                p.zeroGrad();
            }
            Tensor out = net.forward(tape, tape.input(x, 0, BATCH, 3, 32, 32));
            tape.backward(Losses.softmaxCrossEntropy(tape, out, y));
            tape.reset();
            double t = (System.nanoTime() - t0) / 1e6;
            if (r >= 2) {
                ms.add(Math.round(t * 10) / 10.0);
            }
        }
        double median = median(ms);
        System.out.printf("connectome threads=%d cell=%s batch=%d fwd_bwd_ms_median=%.1f runs=%s%n", par.threads(),
                cell.format(), BATCH, median, ms);
        return median;
    }

    static double peer(String script, int threads, int repeats, String cell) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("python3", script, "--threads", Integer.toString(threads), "--repeats",
                Integer.toString(repeats), "--cell", cell).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        Pattern line = Pattern.compile("fwd_bwd_ms_median=([\\d.]+)");
        double ms = Double.NaN;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String s; (s = r.readLine()) != null; ) {
                System.out.println(s);
                Matcher m = line.matcher(s);
                if (m.find()) {
                    ms = Double.parseDouble(m.group(1));
                }
            }
        }
        p.waitFor();
        return ms;
    }

    static double median(List<Double> values) {
        double[] v = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }
}
