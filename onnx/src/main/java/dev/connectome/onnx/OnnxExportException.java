package dev.connectome.onnx;

/**
 * A model that cannot be written as ONNX, e.g. a module with no ONNX mapping. Raised while the model is
 * built in memory, before any file is touched, so a failed export never leaves a partial file.
 */
public final class OnnxExportException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public OnnxExportException(String message) {
        super(message);
    }

    public OnnxExportException(String message, Throwable cause) {
        super(message, cause);
    }
}
