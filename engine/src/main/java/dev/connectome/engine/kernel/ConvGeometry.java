package dev.connectome.engine.kernel;

/**
 * The geometry of a 2-D convolution or pooling window over one image of {@code channels} planes
 * of height×width: kernel size, stride, symmetric zero padding, and the resulting output size
 * ({@code (H + 2p − KH) / s + 1}, rounded down as in PyTorch).
 */
public record ConvGeometry(int channels, int height, int width, int kernelHeight, int kernelWidth,
                           int stride, int padding) {
    public ConvGeometry {
        if (channels <= 0 || height <= 0 || width <= 0) {
            throw new IllegalArgumentException("convolution input must have positive channels, height and width, got "
                    + channels + "×" + height + "×" + width);
        }
        if (kernelHeight <= 0 || kernelWidth <= 0) {
            throw new IllegalArgumentException("kernel must be positive, got " + kernelHeight + "×" + kernelWidth);
        }
        if (stride <= 0) {
            throw new IllegalArgumentException("stride must be positive, got " + stride);
        }
        if (padding < 0) {
            throw new IllegalArgumentException("padding must not be negative, got " + padding);
        }
        if (height + 2 * padding < kernelHeight || width + 2 * padding < kernelWidth) {
            throw new IllegalArgumentException("kernel " + kernelHeight + "×" + kernelWidth + " is larger than the padded input "
                    + (height + 2 * padding) + "×" + (width + 2 * padding));
        }
    }

    public int outHeight() {
        return (height + 2 * padding - kernelHeight) / stride + 1;
    }

    public int outWidth() {
        return (width + 2 * padding - kernelWidth) / stride + 1;
    }

    /** Rows of the im2col matrix: channels·KH·KW. */
    public int patchSize() {
        return channels * kernelHeight * kernelWidth;
    }

    /** Whether the convolution reads the image as it is (1×1, stride 1, no padding): no im2col needed. */
    public boolean isPointwise() {
        return kernelHeight == 1 && kernelWidth == 1 && stride == 1 && padding == 0;
    }
}
