package org.sharpscope.nn.torchscript;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.sharpscope.UserInputException;
import org.sharpscope.nn.data.Dataset;
import org.sharpscope.nn.data.SafetensorsDataset;
import org.sharpscope.nn.loss.Loss;
import org.sharpscope.nn.model.Network;
import org.sharpscope.nn.source.NetworkSource;

/**
 * A loaded and checked {@link TorchScriptConfig}: the module as a {@link TorchScriptNetwork}, the
 * training examples and the held-out examples (null without {@code --test-data}) as
 * {@link Dataset}s whose targets fit the module's outputs under the loss. Opening reads the data,
 * loads the module for the data's input shape (one probe pass), then prepares the targets; every
 * mismatch is a one-line {@link UserInputException}. Close it to free the module.
 */
public final class TorchScriptSource implements NetworkSource, AutoCloseable {
    private final TorchScriptConfig config;
    private final TorchScriptNetwork network;
    private final Dataset data;
    private final Dataset testData;
    private final List<InputFile> inputFiles;

    private TorchScriptSource(TorchScriptConfig config, TorchScriptNetwork network, Dataset data, Dataset testData) {
        this.config = config;
        this.network = network;
        this.data = data;
        this.testData = testData;
        List<InputFile> f = new ArrayList<>();
        f.add(new InputFile("--model-file", config.modelFile(), network.sha256()));
        f.add(new InputFile("--data", config.data(), TorchScriptNetwork.sha256(config.data())));
        if (config.testData() != null) {
            f.add(new InputFile("--test-data", config.testData(), TorchScriptNetwork.sha256(config.testData())));
        }
        this.inputFiles = List.copyOf(f);
    }

    public static TorchScriptSource open(TorchScriptConfig config, Loss loss) {
        SafetensorsDataset train = SafetensorsDataset.read(config.data(), "--data");
        SafetensorsDataset test = config.testData() == null ? null : SafetensorsDataset.read(config.testData(), "--test-data");
        if (test != null && !Arrays.equals(test.exampleShape(), train.exampleShape())) {
            throw new UserInputException("--test-data " + config.testData() + " has inputs of shape "
                    + Arrays.toString(test.exampleShape()) + " per example but --data has " + Arrays.toString(train.exampleShape())
                    + "; both must hold examples of the model's input shape");
        }
        TorchScriptNetwork net = TorchScriptNetwork.load(config.modelFile(), train.exampleShape(), config.mode());
        try {
            Dataset d = train.toDataset(loss, net.outputShape(), config.subset(), config.stratified(), config.seed());
            Dataset t = test == null ? null : test.toDataset(loss, net.outputShape(), 0, false, 0);
            return new TorchScriptSource(config, net, d, t);
        } catch (RuntimeException e) {
            net.close();
            throw e;
        }
    }

    public TorchScriptConfig config() {
        return config;
    }

    public TorchScriptNetwork network() {
        return network;
    }

    /** The training examples. */
    public Dataset data() {
        return data;
    }

    /** The held-out examples, or null when none were given. */
    public Dataset testData() {
        return testData;
    }

    @Override
    public Dataset loadData() {
        return data;
    }

    @Override
    public Network buildNetwork(Dataset d) {
        if (!Arrays.equals(d.exampleShape(), network.inputShape()) || d.outputs() != network.outputs()) {
            throw new IllegalArgumentException("the TorchScript network was loaded for other data");
        }
        return network;
    }

    @Override
    public Dataset loadTestData() {
        return testData;
    }

    /** The module, the training data and (when given) the held-out data. */
    @Override
    public List<InputFile> inputFiles() {
        return inputFiles;
    }

    @Override
    public void close() {
        network.close();
    }
}
