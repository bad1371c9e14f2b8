package org.sharpscope.nn.source;

import java.nio.file.Path;
import java.util.List;
import org.sharpscope.nn.data.DataConfig;
import org.sharpscope.nn.data.Dataset;
import org.sharpscope.nn.data.DatasetLoader;
import org.sharpscope.nn.loss.Loss;
import org.sharpscope.nn.model.ModelConfig;
import org.sharpscope.nn.model.ModelKind;
import org.sharpscope.nn.model.Network;

/**
 * Where a run's examples and network come from: a built-in family on a built-in dataset
 * ({@link #builtin}) or a user's TorchScript module on a safetensors file
 * ({@code org.sharpscope.nn.torchscript.TorchScriptSource}). The {@code Trainer} and the study
 * tasks take one; close it when done (a loaded module holds native memory).
 */
public interface NetworkSource extends AutoCloseable {
    /** The prepared training examples. */
    Dataset loadData();

    /** The network for {@code data} (as returned by {@link #loadData()}). */
    Network buildNetwork(Dataset data);

    /** The held-out examples, prepared as the training ones, or null when none were asked for; after {@link #loadData()}. */
    default Dataset loadTestData() {
        return null;
    }

    /** A file a source read: the flag that named it, its path and its SHA-256 (hex). */
    record InputFile(String flag, Path file, String sha256) {}

    /**
     * The files the source read (none for the built-in sources). A run records their SHA-256 in
     * its checkpoints and refuses to resume when one has changed.
     */
    default List<InputFile> inputFiles() {
        return List.of();
    }

    @Override
    default void close() {
    }

    /**
     * A built-in family on a built-in dataset (inputs flattened for the fully connected families),
     * with {@code testSubset} held-out examples from the dataset's test split (null: none).
     */
    static NetworkSource builtin(ModelConfig model, DataConfig data, Loss loss, Integer testSubset) {
        return new NetworkSource() {
            private Dataset test;

            @Override
            public Dataset loadData() {
                DatasetLoader.Splits s = DatasetLoader.load(data, testSubset, loss,
                        model.model() == ModelKind.FCN || model.model() == ModelKind.UV);
                test = s.test();
                return s.train();
            }

            @Override
            public Network buildNetwork(Dataset d) {
                return model.build(d.exampleShape(), d.outputs());
            }

            @Override
            public Dataset loadTestData() {
                return test;
            }
        };
    }

    /** A built-in family on a built-in dataset, without held-out examples. */
    static NetworkSource builtin(ModelConfig model, DataConfig data, Loss loss) {
        return builtin(model, data, loss, null);
    }
}
