package dev.connectome.onnx;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.nio.FloatBuffer;
import java.util.Map;

/** Runs an exported model in ONNX Runtime (the reference consumer) and returns its first output, flattened. */
final class OrtRunner {
    private OrtRunner() {
    }

    static float[] run(byte[] model, String inputName, float[] input, long... shape) throws OrtException {
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(1);
            try (OrtSession session = env.createSession(model, options);
                 OnnxTensor tensor = OnnxTensor.createTensor(env, FloatBuffer.wrap(input), shape);
                 OrtSession.Result result = session.run(Map.of(inputName, tensor))) {
                OnnxTensor out = (OnnxTensor) result.get(0);
                FloatBuffer buf = out.getFloatBuffer();
                float[] values = new float[buf.remaining()];
                buf.get(values);
                return values;
            }
        }
    }

    /** max |a − b| divided by max(1, max |b|): the error relative to the output's scale. */
    static double relativeError(float[] actual, float[] expected) {
        double diff = 0;
        double scale = 1;
        for (int i = 0; i < expected.length; i++) {
            diff = Math.max(diff, Math.abs(actual[i] - expected[i]));
            scale = Math.max(scale, Math.abs(expected[i]));
        }
        return diff / scale;
    }
}
