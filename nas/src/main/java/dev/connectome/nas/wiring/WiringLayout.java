package dev.connectome.nas.wiring;

import java.util.List;

/**
 * The nodes of a static neural graph as ordered blocks: node ids run 0, 1, … through the blocks in
 * order, and edges only go from an earlier block to a later one. Used to draw a wiring.
 *
 * @param blocks the blocks, inputs first, outputs last
 */
public record WiringLayout(List<Block> blocks) {
    /**
     * One block of nodes.
     *
     * @param name      e.g. "input", "block 2", "output"
     * @param size      number of nodes
     * @param gridWidth draw the block as an image grid this many nodes wide (e.g. 28 for MNIST
     *                  pixels); 0 draws a column
     */
    public record Block(String name, int size, int gridWidth) {
        public Block {
            if (size <= 0 || gridWidth < 0) {
                throw new IllegalArgumentException("block '" + name + "' needs size > 0 and grid width >= 0, got "
                        + size + ", " + gridWidth);
            }
        }
    }

    public WiringLayout {
        blocks = List.copyOf(blocks);
        if (blocks.size() < 2) {
            throw new IllegalArgumentException("a wiring layout needs at least two blocks, got " + blocks.size());
        }
    }

    /** Total number of nodes. */
    public int nodeCount() {
        return blocks.stream().mapToInt(Block::size).sum();
    }

    /** Id of the first node of block {@code b}. */
    public int firstNode(int b) {
        int n = 0;
        for (int i = 0; i < b; i++) {
            n += blocks.get(i).size();
        }
        return n;
    }

    /** The block that node {@code id} belongs to. */
    public int blockOf(int id) {
        int n = 0;
        for (int i = 0; i < blocks.size(); i++) {
            n += blocks.get(i).size();
            if (id < n) {
                return i;
            }
        }
        throw new IllegalArgumentException("node " + id + " is outside the " + n + " nodes of the layout");
    }
}
