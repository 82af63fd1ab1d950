package dev.connectome.nas.graph;

/**
 * The WANNRelease activation table ({@code applyAct} in WANN/ann.py): id → function. Ids outside
 * 1..11 are linear there too; genomes only ever carry 1..11 (see {@link #isValid}).
 *
 * <table>
 * <caption>activation ids</caption>
 * <tr><td>1</td><td>linear x</td></tr>
 * <tr><td>2</td><td>unsigned step, 1 if x &gt; 0 else 0</td></tr>
 * <tr><td>3</td><td>sin(πx)</td></tr>
 * <tr><td>4</td><td>Gaussian exp(−x²/2)</td></tr>
 * <tr><td>5</td><td>tanh x</td></tr>
 * <tr><td>6</td><td>sigmoid, computed as (tanh(x/2)+1)/2</td></tr>
 * <tr><td>7</td><td>inverse −x</td></tr>
 * <tr><td>8</td><td>abs x</td></tr>
 * <tr><td>9</td><td>ReLU max(0, x)</td></tr>
 * <tr><td>10</td><td>cos(πx)</td></tr>
 * <tr><td>11</td><td>x² (not in the search ranges)</td></tr>
 * </table>
 *
 * <p>At kinks (step, abs and ReLU at 0) the derivative used is 0, as in the engine's activations.
 */
public final class WannActivation {
    public static final int LINEAR = 1;
    public static final int STEP = 2;
    public static final int SIN = 3;
    public static final int GAUSSIAN = 4;
    public static final int TANH = 5;
    public static final int SIGMOID = 6;
    public static final int INVERSE = 7;
    public static final int ABS = 8;
    public static final int RELU = 9;
    public static final int COS = 10;
    public static final int SQUARE = 11;
    /** Largest valid id. */
    public static final int MAX_ID = 11;

    private static final String[] NAMES = {
        "?", "linear", "step", "sin", "gaussian", "tanh", "sigmoid", "inverse", "abs", "relu", "cos", "square"
    };

    private WannActivation() {
    }

    /** Whether {@code id} is one of the 11 ids a genome may carry. */
    public static boolean isValid(int id) {
        return id >= 1 && id <= MAX_ID;
    }

    /** A short name such as {@code "tanh"} (for drawings and messages). */
    public static String name(int id) {
        return isValid(id) ? NAMES[id] : "linear";
    }

    /** The activation {@code id} at {@code x}. */
    public static float apply(int id, float x) {
        return switch (id) {
            case STEP -> x > 0f ? 1f : 0f;
            case SIN -> (float) Math.sin(Math.PI * x);
            case GAUSSIAN -> (float) Math.exp(-0.5 * x * x);
            case TANH -> (float) Math.tanh(x);
            case SIGMOID -> (float) ((Math.tanh(x * 0.5) + 1.0) * 0.5);
            case INVERSE -> -x;
            case ABS -> Math.abs(x);
            case RELU -> x > 0f ? x : 0f;
            case COS -> (float) Math.cos(Math.PI * x);
            case SQUARE -> x * x;
            default -> x;
        };
    }

    /** The derivative of activation {@code id} at {@code x}, given its value {@code y = apply(id, x)}. */
    public static float derivative(int id, float x, float y) {
        return switch (id) {
            case STEP -> 0f;
            case SIN -> (float) (Math.PI * Math.cos(Math.PI * x));
            case GAUSSIAN -> -x * y;
            case TANH -> 1f - y * y;
            case SIGMOID -> y * (1f - y);
            case INVERSE -> -1f;
            case ABS -> x > 0f ? 1f : (x < 0f ? -1f : 0f);
            case RELU -> x > 0f ? 1f : 0f;
            case COS -> (float) (-Math.PI * Math.sin(Math.PI * x));
            case SQUARE -> 2f * x;
            default -> 1f;
        };
    }
}
