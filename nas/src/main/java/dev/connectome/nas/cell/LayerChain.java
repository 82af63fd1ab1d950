package dev.connectome.nas.cell;

import dev.connectome.nas.space.UnknownArchitectureException;
import java.util.ArrayList;
import java.util.List;

/**
 * A plain chain of convolution layers as in the NAS convolutional space (Zoph &amp; Le 2017): each layer
 * has a filter height, a filter width, a number of filters and a stride. Text form: layers joined by
 * '-', each {@code HxW:F/S}, e.g. {@code 3x3:36/1-5x7:24/2}.
 *
 * @param layers the layers, input side first (at least one)
 */
public record LayerChain(List<Layer> layers) {

    /** One convolution layer. */
    public record Layer(int filterHeight, int filterWidth, int filters, int stride) {
        public Layer {
            if (filterHeight < 1 || filterWidth < 1 || filters < 1 || stride < 1) {
                throw new IllegalArgumentException("layer sizes must be >= 1, got " + filterHeight + "x" + filterWidth
                        + ":" + filters + "/" + stride);
            }
        }

        String format() {
            return filterHeight + "x" + filterWidth + ":" + filters + "/" + stride;
        }
    }

    public LayerChain {
        layers = List.copyOf(layers);
        if (layers.isEmpty()) {
            throw new IllegalArgumentException("a layer chain needs at least one layer");
        }
    }

    public String format() {
        List<String> parts = new ArrayList<>();
        for (Layer l : layers) {
            parts.add(l.format());
        }
        return String.join("-", parts);
    }

    /** Reads {@link #format()}; UnknownArchitectureException quoting the text and the bad part. */
    public static LayerChain parse(String text) {
        if (text == null || text.isBlank()) {
            throw new UnknownArchitectureException("empty layer chain");
        }
        List<Layer> layers = new ArrayList<>();
        for (String part : text.strip().split("-")) {
            try {
                String[] hw = part.split(":", 2);
                String[] h = hw[0].split("x", 2);
                String[] fs = hw[1].split("/", 2);
                layers.add(new Layer(Integer.parseInt(h[0]), Integer.parseInt(h[1]), Integer.parseInt(fs[0]),
                        Integer.parseInt(fs[1])));
            } catch (RuntimeException e) {
                throw new UnknownArchitectureException("'" + text + "' is not a layer chain: bad layer '" + part
                        + "' (expected HxW:FILTERS/STRIDE, e.g. 3x3:36/1)");
            }
        }
        return new LayerChain(layers);
    }

    @Override
    public String toString() {
        return format();
    }
}
