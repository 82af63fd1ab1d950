package dev.connectome.report.wiring;

import dev.connectome.nas.wiring.WiringLayout;
import java.util.List;

/**
 * Node positions of a {@link WiringLayout} on the viewer's canvas: blocks are columns from left to
 * right, evenly spaced; a block with a grid width (an image's pixels) is drawn as that image's grid.
 */
final class WiringGeometry {
    static final int WIDTH = 960;
    static final int HEIGHT = 560;
    private static final int MARGIN = 30;
    private static final int TOP = 40; // room for block names

    final float[] x;
    final float[] y;
    final float radius;
    final float[] blockLabelX;

    WiringGeometry(WiringLayout layout) {
        List<WiringLayout.Block> blocks = layout.blocks();
        int n = layout.nodeCount();
        x = new float[n];
        y = new float[n];
        blockLabelX = new float[blocks.size()];
        float usableH = HEIGHT - TOP - MARGIN;
        float gridSide = Math.min(usableH, WIDTH * 0.35f);
        float occupied = 0;
        int maxColumn = 1;
        for (WiringLayout.Block b : blocks) {
            if (b.gridWidth() > 0) {
                occupied += gridSide;
            } else {
                maxColumn = Math.max(maxColumn, b.size());
            }
        }
        float gap = (WIDTH - 2 * MARGIN - occupied) / (blocks.size() - 1);
        radius = (float) Math.max(0.8, Math.min(5, usableH / maxColumn / 2.5));
        float left = MARGIN;
        int id = 0;
        for (int bi = 0; bi < blocks.size(); bi++) {
            WiringLayout.Block b = blocks.get(bi);
            if (b.gridWidth() > 0) {
                int g = b.gridWidth(), rows = (b.size() + g - 1) / g;
                float cell = gridSide / Math.max(g, rows);
                for (int i = 0; i < b.size(); i++, id++) {
                    x[id] = left + (i % g + 0.5f) * cell;
                    y[id] = TOP + (i / g + 0.5f) * cell + (usableH - rows * cell) / 2;
                }
                blockLabelX[bi] = left + g * cell / 2;
                left += gridSide + gap;
            } else {
                float step = usableH / b.size();
                for (int i = 0; i < b.size(); i++, id++) {
                    x[id] = left;
                    y[id] = TOP + (i + 0.5f) * step;
                }
                blockLabelX[bi] = left;
                left += gap;
            }
        }
    }
}
