package org.sharpscope.nn.data;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.sharpscope.UserInputException;

/**
 * Which examples a run uses and how they are prepared: dataset, directory (null: the default
 * search path), subset size (0: all), stratified (k/classes per class, seeded) or first-k
 * subset, per-channel standardisation, target scale of one-hot (MSE) targets, the shape of
 * synthetic inputs, the number of synthetic regression outputs, and the seed.
 */
public record DataConfig(DatasetKind dataset, Path dataDir, int subset, boolean stratified, boolean standardize,
                         double targetScale, long[] syntheticShape, int syntheticOutputs, long seed) {
    public DataConfig {
        if (subset < 0) throw new UserInputException("--subset must be >= 0 (0 = all examples), got " + subset);
        UserInputException.requireFinite("--target-scale", targetScale);
        if (syntheticOutputs < 1) throw new UserInputException("synthetic outputs must be >= 1");
        for (long s : syntheticShape) {
            if (s < 1) throw new UserInputException("--synthetic-shape sizes must be >= 1");
        }
        if (dataset.synthetic() && dataDir != null) {
            throw new UserInputException("--data-dir is for datasets read from disk, but " + dataset.key()
                    + " data is generated; drop --data-dir (or choose --dataset fashion-mnist, mnist or cifar10)");
        }
    }

    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("dataset", dataset.key());
        m.put("data_dir", dataDir == null ? null : dataDir.toString());
        m.put("subset", subset);
        m.put("subset_mode", stratified ? "stratified" : "first");
        m.put("standardize", standardize);
        m.put("target_scale", targetScale);
        if (dataset.synthetic()) {
            m.put("synthetic_shape", syntheticShape);
            if (dataset == DatasetKind.SYNTHETIC) m.put("synthetic_outputs", syntheticOutputs);
        }
        m.put("seed", seed);
        return m;
    }
}
