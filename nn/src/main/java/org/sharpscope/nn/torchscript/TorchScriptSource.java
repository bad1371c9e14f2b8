package org.sharpscope.nn.torchscript;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.sharpscope.UserInputException;
import org.sharpscope.nn.NetworkSource;
import org.sharpscope.nn.data.Dataset;
import org.sharpscope.nn.data.SafetensorsDataset;
import org.sharpscope.nn.loss.Loss;
import org.sharpscope.nn.model.Network;

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
    private final String dataSha256;

    private TorchScriptSource(TorchScriptConfig config, TorchScriptNetwork network, Dataset data, Dataset testData,
                              String dataSha256) {
        this.config = config;
        this.network = network;
        this.data = data;
        this.testData = testData;
        this.dataSha256 = dataSha256;
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
            return new TorchScriptSource(config, net, d, t, TorchScriptNetwork.sha256(config.data()));
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

    /** The config's keys plus the SHA-256 of the module and data files. */
    @Override
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>(config.toMap());
        m.put("model_sha256", network.sha256());
        m.put("data_sha256", dataSha256);
        return m;
    }

    @Override
    public void close() {
        network.close();
    }
}
