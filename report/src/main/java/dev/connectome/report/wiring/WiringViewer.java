package dev.connectome.report.wiring;

import dev.connectome.nas.wiring.WiringHistory;
import dev.connectome.nas.wiring.WiringLayout;
import dev.connectome.nas.wiring.WiringSnapshot;
import dev.connectome.report.HtmlWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The wiring viewer: one self-contained HTML page (inline SVG, inline script, no network access)
 * with a slider over the snapshots of a {@link WiringHistory}, drawing the edges in use at each
 * moment of training, like the demo in the Discovering Neural Wirings blog post. Blue edges are
 * positive, red negative, darker for larger |w| (relative to the frame's largest); the caption says
 * how many edges are new since the previous frame. The nodes are static SVG; the script only
 * redraws eight path elements (two signs × four magnitude bands) per frame, so thousands of edges
 * move smoothly.
 *
 * <p>The page opens at the frame named by the URL fragment {@code #frame=N} (default: the first);
 * the body's {@code data-frame} and {@code data-edges} attributes show what is drawn (used by tests).
 */
public final class WiringViewer {
    /** At most this many frames are embedded; longer histories are thinned evenly, keeping first and last. */
    public static final int MAX_FRAMES = 120;

    private WiringViewer() {
    }

    /** Renders the page. */
    public static String render(WiringHistory history) {
        if (history.snapshots().isEmpty()) {
            throw new IllegalArgumentException("wiring history '" + history.title() + "' has no snapshots to show");
        }
        List<WiringSnapshot> frames = thin(history.snapshots(), MAX_FRAMES);
        WiringLayout layout = history.layout();
        WiringGeometry geo = new WiringGeometry(layout);
        HtmlWriter head = new HtmlWriter();
        head.empty("meta", "charset", "utf-8").newline();
        head.empty("meta", "http-equiv", "Content-Security-Policy",
                "content", "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'").newline();
        head.element("title", history.title()).newline();
        head.style(CSS).newline();
        HtmlWriter w = new HtmlWriter();
        w.element("h1", history.title()).newline();
        w.start("div", "class", "controls");
        w.empty("input", "type", "range", "id", "frame", "min", "0", "max", Integer.toString(frames.size() - 1),
                "value", "0", "step", "1", "aria-label", "training progress");
        w.element("span", "", "id", "caption");
        w.end("div").newline();
        w.start("svg", "xmlns", "http://www.w3.org/2000/svg", "id", "graph", "width", Integer.toString(WiringGeometry.WIDTH),
                "height", Integer.toString(WiringGeometry.HEIGHT), "viewBox",
                "0 0 " + WiringGeometry.WIDTH + " " + WiringGeometry.HEIGHT, "role", "img",
                "aria-label", "network wiring");
        w.empty("rect", "width", "100%", "height", "100%", "fill", "#ffffff");
        w.start("g", "id", "edges");
        for (String sign : new String[] {"pos", "neg"}) {
            for (int band = 0; band < 4; band++) {
                w.empty("path", "class", "e " + sign + " b" + band, "d", "");
            }
        }
        w.end("g");
        w.start("g", "id", "nodes");
        StringBuilder dots = new StringBuilder();
        for (int i = 0; i < geo.x.length; i++) {
            // one path of zero-length round-capped segments draws all nodes cheaply
            dots.append('M').append(fmt(geo.x[i])).append(' ').append(fmt(geo.y[i])).append("h0");
        }
        w.empty("path", "d", dots.toString(), "stroke", "#333333", "stroke-width", fmt(2 * geo.radius),
                "stroke-linecap", "round", "fill", "none");
        for (int b = 0; b < layout.blocks().size(); b++) {
            WiringLayout.Block block = layout.blocks().get(b);
            w.element("text", block.name() + " (" + block.size() + ")", "x", fmt(geo.blockLabelX[b]), "y", "22",
                    "text-anchor", "middle", "class", "label");
        }
        w.end("g");
        w.end("svg").newline();
        w.element("p", "Edges drawn: blue positive, red negative, darker = larger |w| relative to the frame's "
                + "largest. Move the slider to follow training.", "class", "note").newline();
        // Script bodies are raw text in HTML (entities are not decoded there), so they are written
        // unescaped; the JSON holds only numbers, null and fixed keys, so it cannot close the element.
        return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n" + head.finish() + "</head>\n"
                + "<body data-frame=\"0\" data-edges=\"0\">\n" + w.finish()
                + "<script type=\"application/json\" id=\"wiring-data\">" + json(frames, geo) + "</script>\n"
                + "<script>" + SCRIPT + "</script>\n</body>\n</html>\n";
    }

    /** Writes the page atomically (temporary file beside the target, then a rename). */
    public static void write(WiringHistory history, Path file) throws IOException {
        Path target = file.toAbsolutePath();
        Files.createDirectories(target.getParent());
        byte[] bytes = render(history).getBytes(StandardCharsets.UTF_8);
        Path tmp = target.getParent().resolve("." + target.getFileName() + "." + ProcessHandle.current().pid()
                + "-" + Long.toHexString(System.nanoTime()) + ".tmp");
        try {
            Files.write(tmp, bytes, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    static List<WiringSnapshot> thin(List<WiringSnapshot> all, int max) {
        if (all.size() <= max) {
            return all;
        }
        List<WiringSnapshot> out = new ArrayList<>();
        for (int i = 0; i < max; i++) {
            out.add(all.get((int) Math.round((double) i * (all.size() - 1) / (max - 1))));
        }
        return out;
    }

    /**
     * {"x":[..],"y":[..],"frames":[{"step":s,"epoch":e,"acc":a,"added":n,"edges":[src,dst,w,...]}]}; the
     * script receives node coordinates, not ids, so it needs no layout logic.
     */
    private static String json(List<WiringSnapshot> frames, WiringGeometry geo) {
        StringBuilder sb = new StringBuilder(64 * 1024);
        sb.append("{\"x\":[");
        for (int i = 0; i < geo.x.length; i++) {
            sb.append(i == 0 ? "" : ",").append(fmt(geo.x[i]));
        }
        sb.append("],\"y\":[");
        for (int i = 0; i < geo.y.length; i++) {
            sb.append(i == 0 ? "" : ",").append(fmt(geo.y[i]));
        }
        sb.append("],\"frames\":[");
        for (int f = 0; f < frames.size(); f++) {
            WiringSnapshot s = frames.get(f);
            int added = f == 0 ? 0 : s.edgesAddedSince(frames.get(f - 1), geo.x.length);
            sb.append(f == 0 ? "" : ",").append("{\"step\":").append(s.step()).append(",\"epoch\":").append(s.epoch())
                    .append(",\"acc\":").append(Double.isFinite(s.trainAccuracy())
                            ? String.format(Locale.ROOT, "%.4f", s.trainAccuracy()) : "null")
                    .append(",\"added\":").append(added).append(",\"edges\":[");
            for (int e = 0; e < s.edgeCount(); e++) {
                sb.append(e == 0 ? "" : ",").append(s.sources()[e]).append(',').append(s.targets()[e]).append(',')
                        .append(weight(s.weights()[e]));
            }
            sb.append("]}");
        }
        return sb.append("]}").toString();
    }

    private static String weight(float w) {
        return Float.isFinite(w) ? String.format(Locale.ROOT, "%.3g", w) : "0";
    }

    private static String fmt(float v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    private static final String CSS = """
            body { font-family: system-ui, sans-serif; margin: 16px 24px; color: #222; background: #fafafa; }
            h1 { font-size: 1.2em; font-weight: 600; }
            .controls { display: flex; align-items: center; gap: 16px; margin: 8px 0; }
            #frame { width: 420px; }
            #caption { font-variant-numeric: tabular-nums; }
            svg { background: #fff; border: 1px solid #ddd; }
            .label { font-size: 12px; fill: #444; }
            .e { fill: none; stroke-linecap: round; }
            .pos { stroke: #1f5fbf; } .neg { stroke: #c8312b; }
            .b0 { stroke-opacity: 0.12; stroke-width: 0.5; } .b1 { stroke-opacity: 0.25; stroke-width: 0.7; }
            .b2 { stroke-opacity: 0.45; stroke-width: 0.9; } .b3 { stroke-opacity: 0.8; stroke-width: 1.2; }
            .note { color: #666; font-size: 0.9em; }
            """;

    // Plain ES5-level script: parse the embedded data, then redraw the eight edge paths per frame.
    private static final String SCRIPT = """
            (function () {
              var data = JSON.parse(document.getElementById('wiring-data').textContent);
              var slider = document.getElementById('frame');
              var caption = document.getElementById('caption');
              var paths = document.querySelectorAll('#edges path');
              function draw(i) {
                var f = data.frames[i], e = f.edges, max = 0, k;
                for (k = 2; k < e.length; k += 3) { max = Math.max(max, Math.abs(e[k])); }
                var d = ['', '', '', '', '', '', '', ''];
                for (k = 0; k < e.length; k += 3) {
                  var a = e[k], b = e[k + 1], w = e[k + 2];
                  var band = max > 0 ? Math.min(3, Math.floor(4 * Math.abs(w) / max)) : 0;
                  var slot = (w < 0 ? 4 : 0) + band;
                  d[slot] += 'M' + data.x[a] + ' ' + data.y[a] + 'L' + data.x[b] + ' ' + data.y[b];
                }
                for (k = 0; k < 8; k++) { paths[k].setAttribute('d', d[k]); }
                caption.textContent = 'frame ' + (i + 1) + '/' + data.frames.length + ' · step ' + f.step
                  + ' · epoch ' + f.epoch + (f.acc === null ? '' : ' · train accuracy ' + (100 * f.acc).toFixed(1) + '%')
                  + ' · ' + (e.length / 3) + ' edges' + (i > 0 ? ' (' + f.added + ' new)' : '');
                document.body.setAttribute('data-frame', String(i));
                document.body.setAttribute('data-edges', String(e.length / 3));
              }
              slider.addEventListener('input', function () { draw(parseInt(slider.value, 10)); });
              var m = /frame=(\\d+)/.exec(window.location.hash);
              var start = m ? Math.min(parseInt(m[1], 10), data.frames.length - 1) : 0;
              slider.value = String(start);
              draw(start);
            })();
            """;
}
