package dev.connectome.spark;

import dev.connectome.nas.data.Dataset;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serial;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A {@link Dataset} in a form Spark can broadcast ({@code Dataset} itself is not serialisable). Written
 * as its arrays and rebuilt (and re-validated) on each executor when the broadcast is first read; Spark
 * keeps that value for the executor's lifetime.
 */
public final class DatasetPayload implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;

    private transient Dataset dataset;

    private DatasetPayload(Dataset dataset) {
        this.dataset = Objects.requireNonNull(dataset, "dataset");
    }

    /** Wraps a data set (no copy on the driver). */
    public static DatasetPayload of(Dataset dataset) {
        return new DatasetPayload(dataset);
    }

    /** The data set. */
    public Dataset dataset() {
        return dataset;
    }

    @Serial
    private void writeObject(ObjectOutputStream out) throws IOException {
        out.defaultWriteObject();
        out.writeUTF(dataset.name());
        out.writeObject(dataset.features());
        out.writeObject(dataset.labels());
        out.writeObject(dataset.sampleShape());
        out.writeObject(new ArrayList<>(dataset.classNames()));
    }

    @Serial
    private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
        in.defaultReadObject();
        String name = in.readUTF();
        float[] features = (float[]) in.readObject();
        int[] labels = (int[]) in.readObject();
        int[] shape = (int[]) in.readObject();
        @SuppressWarnings("unchecked")
        List<String> classes = (List<String>) in.readObject();
        dataset = Dataset.of(name, features, labels, shape, classes);
    }

    @Override
    public String toString() {
        return "DatasetPayload[" + dataset + "]";
    }
}
