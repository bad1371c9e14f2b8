package org.sharpscope.study.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sharpscope.UserInputException;
import org.sharpscope.nn.data.DatasetKind;
import org.sharpscope.nn.model.Activation;
import org.sharpscope.nn.model.ModelKind;
import org.sharpscope.nn.model.Parameterization;
import org.sharpscope.nn.torchscript.ModuleMode;
import org.sharpscope.nn.train.Optimizer;
import org.sharpscope.study.Specs;
import org.sharpscope.study.spectral.EigenMethod;
import org.sharpscope.uv.LearningRate;

/** The network specs: one set of defaults, flag spellings in and out, one learning rate. */
class NetworkSpecsTest {
    @Test
    void defaultsDependOnTheModelAndAreSaidOnce() {
        NetworkSpec fcn = NetworkSpec.defaults();
        assertThat(List.of(fcn.model(), fcn.depth(), fcn.width(), fcn.activation())).containsExactly(ModelKind.FCN, 4, 512, Activation.RELU);
        assertThat(fcn.subset()).isEqualTo(5000);
        NetworkSpec uv = Specs.bind(NetworkSpec.class, Map.of("model", "uv", "dataset", "synthetic"), "test");
        assertThat(List.of(uv.depth(), uv.width(), uv.syntheticOutputs(), uv.subset())).containsExactly(2, 512, 1, 1000);
        assertThat(uv.activation()).isEqualTo(Activation.LINEAR);
        TrainSpec t = Specs.bind(TrainSpec.class, Map.of("model", "resnet", "c", 2), "test");
        assertThat(NetworkSpec.of(t)).isEqualTo(Specs.bind(NetworkSpec.class, Map.of("model", "resnet"), "test"));
        assertThat(List.of(t.depth(), t.width())).containsExactly(20, 16);
        int cores = Runtime.getRuntime().availableProcessors();
        // thread layout: convolutions run in libtorch's pool, matrix products in OpenBLAS's
        assertThat(List.of(t.threads(), t.blasThreads())).containsExactly(cores, 1);
        assertThat(List.of(fcn.threads(), fcn.blasThreads())).containsExactly(1, cores);
        NetworkSpec given = Specs.bind(NetworkSpec.class, Map.of("model", "resnet", "threads", 1), "test");
        assertThat(List.of(given.threads(), given.blasThreads())).containsExactly(1, 1);
    }

    @Test
    void aTorchScriptModuleWithConvolutionsGetsLibtorchsPool() throws Exception {
        Path dir = Path.of("../nn/src/test/resources/torchscript");
        int cores = Runtime.getRuntime().availableProcessors();
        NetworkSpec cnn = Specs.bind(NetworkSpec.class, Map.of("model-file", dir.resolve("rescnn.pt").toString(),
                "data", dir.resolve("rescnn.safetensors").toString()), "test");
        assertThat(List.of(cnn.threads(), cnn.blasThreads())).containsExactly(cores, 1);
        NetworkSpec transformer = Specs.bind(NetworkSpec.class, Map.of("model-file", dir.resolve("transformer.pt").toString(),
                "data", dir.resolve("transformer.safetensors").toString()), "test");
        assertThat(List.of(transformer.threads(), transformer.blasThreads())).containsExactly(1, cores);
    }

    @Test
    void flagSpellingsReadAndWriteBack() {
        Map<String, Object> in = new LinkedHashMap<>();
        in.put("dataset", "Fashion-MNIST");
        in.put("param", "s=0.5");
        in.put("synthetic-shape", "2x3");
        in.put("data_dir", "some/dir");
        in.put("optimizer", "momentum");
        in.put("eta", 0.1);
        in.put("threads", 1);
        TrainSpec t = Specs.bind(TrainSpec.class, in, "test");
        assertThat(t.dataset()).isEqualTo(DatasetKind.FASHION_MNIST);
        assertThat(t.param()).isEqualTo(Parameterization.interpolated(0.5));
        assertThat(t.syntheticShape().sizes()).containsExactly(2L, 3L);
        assertThat(t.dataDir()).isEqualTo(Path.of("some/dir"));
        assertThat(t.optimizer()).isEqualTo(Optimizer.MOMENTUM);
        assertThat(t.learningRate()).isEqualTo(LearningRate.eta(0.1));
        Map<String, Object> out = Specs.toMap(t);
        assertThat(out).containsEntry("dataset", "fashion-mnist").containsEntry("param", "s=0.5")
                .containsEntry("data-dir", "some/dir").containsEntry("synthetic-shape", List.of(2L, 3L))
                .containsEntry("subset-mode", "stratified").containsEntry("optimizer", "momentum").doesNotContainKey("c");
        assertThat(Specs.bind(TrainSpec.class, out, "again")).isEqualTo(t);
        assertThat(Specs.bind(NetworkSpec.class, Map.of("synthetic-shape", 10), "test").syntheticShape().sizes()).containsExactly(10L);
        assertThat(Specs.bind(NetworkSpec.class, Map.of("synthetic-shape", List.of(3, 8, 8)), "test").syntheticShape())
                .isEqualTo(NetworkSpec.defaults().syntheticShape());
        assertThat(Specs.bind(SharpnessSpec.class, Map.of("method", "LOBPCG"), "test").method()).isEqualTo(EigenMethod.LOBPCG);
    }

    @Test
    void badSettingsAreOneLineFlagNamedErrors() {
        assertThatThrownBy(() -> Specs.bind(TrainSpec.class, Map.of("steps", 5), "cell"))
                .isInstanceOf(UserInputException.class).hasMessageContaining("--eta").hasMessageContaining("--c");
        assertThatThrownBy(() -> Specs.bind(TrainSpec.class, Map.of("eta", 0.1, "c", 2), "cell")).hasMessageContaining("not both");
        assertThatThrownBy(() -> Specs.bind(TrainSpec.class, Map.of("c", 2, "steps", -1), "cell")).hasMessage("cell: --steps must be >= 0, got -1");
        assertThatThrownBy(() -> Specs.bind(NetworkSpec.class, Map.of("model", "myrtle", "depth", 6), "cell")).hasMessageContaining("5, 7 or 10");
        assertThatThrownBy(() -> Specs.bind(NetworkSpec.class, Map.of("param", "xyz"), "cell")).hasMessageContaining("sp, ntp, mup");
        assertThatThrownBy(() -> Specs.bind(NetworkSpec.class, Map.of("synthetic-shape", "3xa"), "cell")).hasMessageContaining("--synthetic-shape");
        assertThatThrownBy(() -> Specs.bind(SharpnessSpec.class, Map.of("top-k", 0), "cell")).hasMessageContaining("--top-k");
    }

    /**
     * A TorchScript module on a safetensors file: its keys round-trip through config.yaml, the
     * built-in family and dataset keys stay null (so config.yaml has none), all examples by default.
     */
    @Test
    void ownNetworkKeysRoundTripWithoutBuiltInDefaults() {
        Map<String, Object> in = new LinkedHashMap<>();
        in.put("model_file", "m.pt");
        in.put("data", "train.safetensors");
        in.put("test-data", "test.safetensors");
        in.put("loss", "ce");
        in.put("eta", 0.1);
        TrainSpec t = Specs.bind(TrainSpec.class, in, "test");
        assertThat(t.ownNetwork()).isTrue();
        assertThat(t.moduleMode()).isEqualTo(ModuleMode.EVAL);
        assertThat(t.subset()).isZero();
        assertThat(List.of(t.model() == null, t.depth() == null, t.dataset() == null, t.standardize() == null)).containsOnly(true);
        assertThat(t.config().model()).isNull();
        assertThat(t.torchScriptConfig().testData()).isEqualTo(Path.of("test.safetensors"));
        Map<String, Object> out = Specs.toMap(t);
        assertThat(out).containsEntry("model-file", "m.pt").containsEntry("module-mode", "eval")
                .containsEntry("data", "train.safetensors").containsEntry("test-data", "test.safetensors")
                .doesNotContainKeys("model", "depth", "width", "dataset", "standardize", "test-subset");
        assertThat(Specs.bind(TrainSpec.class, out, "again")).isEqualTo(t);
        assertThat(NetworkSpec.of(t).describe()).containsEntry("model", "torchscript").containsEntry("model_file", "m.pt")
                .containsEntry("test_data", "test.safetensors").containsEntry("loss", "ce");

        NetworkSpec builtin = Specs.bind(NetworkSpec.class, Map.of("test-subset", 100), "test");
        assertThat(builtin.testSubset()).isEqualTo(100);
        assertThat(builtin.describe()).containsEntry("test_subset", 100);
        assertThat(NetworkSpec.defaults().describe()).doesNotContainKey("test_subset");
        assertThat(Specs.toMap(NetworkSpec.defaults())).doesNotContainKeys("model-file", "module-mode", "data", "test-data",
                "test-subset");
    }

    @Test
    void ownNetworkSettingsThatDoNotGoTogetherAreRefused() {
        assertThatThrownBy(() -> Specs.bind(NetworkSpec.class, Map.of("model-file", "m.pt"), "cell"))
                .hasMessageContaining("--model-file needs --data");
        assertThatThrownBy(() -> Specs.bind(NetworkSpec.class, Map.of("data", "d.safetensors"), "cell"))
                .hasMessageContaining("--data goes with --model-file");
        assertThatThrownBy(() -> Specs.bind(NetworkSpec.class, Map.of("module-mode", "train"), "cell"))
                .hasMessageContaining("--module-mode goes with --model-file");
        assertThatThrownBy(() -> Specs.bind(NetworkSpec.class, Map.of("model-file", "m.pt", "data", "d", "dataset", "mnist"), "cell"))
                .hasMessageContaining("drop --dataset");
        assertThatThrownBy(() -> Specs.bind(NetworkSpec.class, Map.of("model-file", "m.pt", "data", "d", "test-subset", 5), "cell"))
                .hasMessageContaining("--test-data FILE.safetensors");
        assertThatThrownBy(() -> Specs.bind(NetworkSpec.class, Map.of("test-subset", 0), "cell"))
                .hasMessageContaining("--test-subset must be >= 1");
        assertThatThrownBy(() -> Specs.bind(NetworkSpec.class, Map.of("model-file", "m.pt", "data", "d", "module-mode", "x"), "cell"))
                .hasMessageContaining("module-mode");
    }
}
