package dev.connectome.report.svg;

import java.util.List;

/**
 * Colours that stay distinguishable for colour-blind readers: the Okabe–Ito palette
 * (Okabe & Ito, "Color Universal Design", 2008), plus greys for context.
 */
public final class Palette {

    private Palette() {
    }

    public static final String BLUE = "#0072B2";
    public static final String ORANGE = "#E69F00";
    public static final String SKY = "#56B4E9";
    public static final String GREEN = "#009E73";
    public static final String YELLOW = "#F0E442";
    public static final String VERMILION = "#D55E00";
    public static final String PURPLE = "#CC79A7";
    public static final String BLACK = "#000000";
    public static final String GREY = "#8C959F";
    public static final String LIGHT_GREY = "#D0D7DE";
    public static final String TEXT = "#1F2328";

    /** Categorical colours in the order series should use them. */
    public static final List<String> CATEGORICAL = List.of(BLUE, ORANGE, GREEN, VERMILION, PURPLE, SKY, YELLOW, BLACK);

    /** The i-th categorical colour, cycling. */
    public static String categorical(int i) {
        return CATEGORICAL.get(Math.floorMod(i, CATEGORICAL.size()));
    }
}
