package dev.connectome.nas.data;

import java.nio.file.Path;
import java.util.List;

/**
 * Reads IDX files (the format of MNIST, Fashion-MNIST, KMNIST and EMNIST), raw or gzip'd; gzip is
 * recognised by its magic number, not by the file extension.
 *
 * <p>Format (LeCun's MNIST page): a 4-byte magic number {@code 00 00 TT DD} where TT is the element
 * type (only 0x08, unsigned byte, is used by these data sets) and DD the number of dimensions, then
 * DD big-endian 32-bit sizes, then the elements row-major. Images are {@code N×H×W}
 * (magic 0x00000803), labels {@code N} (magic 0x00000801). Pixels become {@code value / 255}, so
 * features lie in [0, 1] with sample shape {1, H, W}.
 */
public final class IdxReader {
    static final int IMAGES_MAGIC = 0x00000803;
    static final int LABELS_MAGIC = 0x00000801;

    private IdxReader() {
    }

    /**
     * Reads an image file and its label file; the number of classes is the largest label + 1 and
     * the classes are named "0", "1", ...
     *
     * @throws DataException naming the file on any format problem
     */
    public static Dataset read(Path images, Path labels) {
        return read(images, labels, null);
    }

    /**
     * Reads an image file and its label file with the given class names.
     *
     * @param classNames class names by label, or null to number max(label)+1 classes
     * @throws DataException naming the file on any format problem, including labels outside the classes
     */
    public static Dataset read(Path images, Path labels, List<String> classNames) {
        return parse(baseName(DataFiles.shortName(images)), DataFiles.read(images), DataFiles.shortName(images),
                DataFiles.read(labels), DataFiles.shortName(labels), classNames, false);
    }

    /**
     * Parses decompressed IDX images and labels.
     *
     * @param transpose swap rows and columns of each image (EMNIST stores images transposed)
     */
    static Dataset parse(String name, byte[] img, String imgName, byte[] lbl, String lblName,
                         List<String> classNames, boolean transpose) {
        int[] imgDims = header(img, imgName, IMAGES_MAGIC, 3);
        int[] lblDims = header(lbl, lblName, LABELS_MAGIC, 1);
        int n = imgDims[0];
        int rows = imgDims[1];
        int cols = imgDims[2];
        long pixels = (long) rows * cols;
        long body = img.length - 16L;
        if (body < n * pixels) {
            throw new DataException(imgName + ": truncated: header says " + n + " images of " + rows + "×" + cols
                    + " but only " + body + " bytes of pixels follow (" + n * pixels + " needed)");
        }
        if (body > n * pixels) {
            throw new DataException(imgName + ": " + (body - n * pixels) + " bytes of trailing data after " + n
                    + " images of " + rows + "×" + cols);
        }
        int nl = lblDims[0];
        long lblBody = lbl.length - 8L;
        if (lblBody < nl) {
            throw new DataException(lblName + ": truncated: header says " + nl + " labels but only " + lblBody
                    + " bytes follow");
        }
        if (lblBody > nl) {
            throw new DataException(lblName + ": " + (lblBody - nl) + " bytes of trailing data after " + nl + " labels");
        }
        if (nl != n) {
            throw new DataException(lblName + ": has " + nl + " labels but " + imgName + " has " + n + " images");
        }
        int[] labels = new int[n];
        int max = -1;
        for (int i = 0; i < n; i++) {
            labels[i] = lbl[8 + i] & 0xFF;
            max = Math.max(max, labels[i]);
        }
        List<String> names = classNames != null ? classNames : Dataset.numberedClasses(Math.max(max + 1, 1));
        for (int i = 0; i < n; i++) {
            if (labels[i] >= names.size()) {
                throw new DataException(lblName + ": label " + labels[i] + " at index " + i + " is out of range for "
                        + names.size() + " classes");
            }
        }
        int size = (int) pixels;
        float[] features = new float[n * size];
        for (int i = 0; i < n; i++) {
            int src = 16 + i * size;
            int dst = i * size;
            for (int r = 0; r < rows; r++) {
                for (int c = 0; c < cols; c++) {
                    int from = transpose ? src + c * rows + r : src + r * cols + c;
                    features[dst + r * cols + c] = (img[from] & 0xFF) / 255f;
                }
            }
        }
        int[] shape = transpose ? new int[] {1, cols, rows} : new int[] {1, rows, cols};
        if (transpose && rows != cols) {
            throw new DataException(imgName + ": cannot transpose non-square " + rows + "×" + cols + " images");
        }
        return Dataset.wrap(name, features, labels, shape, names);
    }

    /** Checks magic and dimensions; returns the sizes. */
    private static int[] header(byte[] b, String file, int magic, int dims) {
        int headerLen = 4 + 4 * dims;
        if (b.length < 4) {
            throw new DataException(file + ": truncated: " + b.length + " bytes is too short for an IDX header");
        }
        int m = DataFiles.u32(b, 0);
        if (m != magic) {
            throw new DataException(String.format("%s: wrong magic number 0x%08X (expected 0x%08X, an IDX %s file)",
                    file, m, magic, magic == IMAGES_MAGIC ? "image" : "label"));
        }
        if (b.length < headerLen) {
            throw new DataException(file + ": truncated: " + b.length + " bytes is shorter than the " + headerLen
                    + "-byte IDX header");
        }
        int[] sizes = new int[dims];
        for (int d = 0; d < dims; d++) {
            sizes[d] = DataFiles.u32(b, 4 + 4 * d);
            if (sizes[d] < 0 || (d > 0 && sizes[d] == 0)) {
                throw new DataException(file + ": bad dimension " + Integer.toUnsignedString(sizes[d]) + " in header");
            }
        }
        return sizes;
    }

    /** "train-images-idx3-ubyte.gz" → "train-images-idx3-ubyte". */
    static String baseName(String file) {
        return file.endsWith(".gz") ? file.substring(0, file.length() - 3) : file;
    }
}
