package org.sharpscope.cli.train;

import java.util.List;
import org.sharpscope.study.nn.TrainSpec;
import picocli.CommandLine.Option;

/**
 * The training flags shared by the commands that train ({@code train}, {@code critical-eta}),
 * declared once here next to the network flags: the training keys of {@link TrainSpec}, which
 * holds their defaults (the descriptions repeat them for --help). Every flag is also a key of the
 * YAML {@code --config} file.
 */
public final class TrainingOptions {
    @Option(names = "--optimizer", paramLabel = "gd|sgd|momentum", description = "gd (full batch), sgd or momentum (default gd).")
    String optimizer;
    @Option(names = "--eta", description = "Learning rate η.")
    Double eta;
    @Option(names = "--c", split = ",", description = "Learning rate as c = ηλ₀^H (λ₀^H measured at init); a list trains one run per value.")
    List<Double> c;
    @Option(names = "--batch-size", description = "Mini-batch size for sgd/momentum, 0 = full batch (default 0).")
    Integer batchSize;
    @Option(names = "--momentum", description = "Heavy-ball coefficient β of --optimizer momentum (default 0.9).")
    Double momentum;
    @Option(names = "--steps", description = "Training steps (default 1000).")
    Integer steps;
    @Option(names = "--probe-every", description = "Probe every k steps (default 10).")
    Integer probeEvery;
    @Option(names = "--dense-steps", description = "Probe every step before this one (default 20).")
    Integer denseSteps;
    @Option(names = "--checkpoint-every", description = "Checkpoint every N steps, 0 = only at the end (default 100).")
    Integer checkpointEvery;
    @Option(names = "--top-k", description = "Hessian eigenvalues tracked (default 1).")
    Integer topK;
    @Option(names = "--ntk", paramLabel = "true|false", arity = "0..1", fallbackValue = "true",
            description = "Also track the top NTK eigenvalue (mse only) (default false).")
    Boolean ntk;
    @Option(names = "--tol", description = "Relative residual tolerance of the sharpness solve (default 1e-6).")
    Double tol;
    @Option(names = "--max-products", description = "Hessian-vector products allowed per probe (default 500).")
    Integer maxProducts;
    @Option(names = "--lyapunov", paramLabel = "K", description = "Measure the top K Lyapunov exponents of the training map along the run (one Hessian-vector product per exponent per step), and those seen by the loss (on the top --top-k Gauss-Newton directions, tracked every step); 0 = none (default 0).")
    Integer lyapunov;
    @Option(names = "--lyapunov-transient", paramLabel = "STEPS", description = "Steps discarded before the exponents are averaged (default: half of --steps).")
    Integer lyapunovTransient;
    @Option(names = "--probe-tail", paramLabel = "K", description = "Probe every one of the last K steps, e.g. for bifurcation diagrams (default 0).")
    Integer probeTail;

    /** Config keys that set the learning rate: one of them on the command line replaces all of them. */
    public static final List<String> RATE_KEYS = List.of("eta", "c");
}
