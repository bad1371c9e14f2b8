package org.sharpscope.cli.nn;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.sharpscope.cli.options.CommandSettings;
import org.sharpscope.cli.options.RunDirectories;
import org.sharpscope.run.Json;
import org.sharpscope.study.RunContext;
import org.sharpscope.study.nn.SharpnessSpec;
import org.sharpscope.study.nn.SharpnessSummary;
import org.sharpscope.study.nn.SharpnessTask;
import org.sharpscope.study.spectral.SpectrumSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code sharpscope sharpness}: top-k eigenvalues of the loss Hessian of a network, into a run directory. */
@Command(name = "sharpness", mixinStandardHelpOptions = true,
        description = "Top-k eigenvalues of the training-loss Hessian (λ^H) of a network at initialization or at a "
                + "checkpoint, from exact Hessian-vector products; writes a run directory (config.yaml, manifest.json, "
                + "eigenvalues.csv, summary.json).")
public final class SharpnessCommand implements Callable<Integer> {
    @Option(names = "--out", paramLabel = "DIR", description = "Run directory (default: runs/sharpness-<time>).")
    Path out;

    @Mixin
    NetworkOptions options;

    @Option(names = "--checkpoint", paramLabel = "FILE", description = "Weights (safetensors) instead of the seeded initialization.")
    Path checkpoint;

    @Option(names = "--save-checkpoint", paramLabel = "FILE", description = "Also save the weights used (safetensors).")
    Path saveCheckpoint;

    @Option(names = "--top-k", paramLabel = "K", description = "Number of top eigenvalues (default 1).")
    Integer topK;

    @Option(names = "--top", paramLabel = "K", hidden = true, description = "Old name of --top-k.")
    Integer top;

    @Option(names = "--tol", paramLabel = "T", description = "Relative residual tolerance (default 1e-6).")
    Double tol;

    @Option(names = "--method", paramLabel = "lanczos|lobpcg|power", description = "Eigensolver (default lanczos).")
    String method;

    @Option(names = "--max-products", paramLabel = "N", description = "Product budget (default 2000).")
    Long maxProducts;

    @Option(names = "--operator", paramLabel = "hessian|gauss-newton",
            description = "Operator: the loss Hessian or the Gauss-Newton matrix (default hessian).")
    String operator;

    @Option(names = "--trace", paramLabel = "N", arity = "0..1", fallbackValue = "" + SpectrumSpec.TRACE_PRODUCTS,
            description = "Also estimate the trace with N Hutchinson probes (products); --trace alone: "
                    + SpectrumSpec.TRACE_PRODUCTS + " (default 0: no trace).")
    Integer trace;

    @Option(names = "--json", description = "Print JSON (keys eigenvalues, products, seconds, residuals, loss, ...).")
    boolean json;

    @Spec
    CommandSpec command;

    @Override
    public Integer call() {
        Map<String, Object> settings = CommandSettings.read(command, options.configs(), List.of(),
                NetworkOptions.NETWORK_COMMAND_KEYS, Map.of("top", "top-k"));
        SharpnessSpec spec = CommandSettings.bind(SharpnessSpec.class, settings, options.where(command));
        SharpnessSummary r = new SharpnessTask().run(spec, RunContext.quiet(RunDirectories.orDefault(out, "sharpness")));
        PrintWriter w = command.commandLine().getOut();
        if (json) {
            w.println(Json.toJson(r));
        } else {
            w.printf("model %s, %d parameters, %d examples of %s, loss %s = %.6g%n",
                    spec.ownNetwork() ? spec.modelFile() : spec.model().key(), r.parameters(), r.examples(),
                    spec.ownNetwork() ? spec.data() : spec.dataset().key(), spec.loss().key(), r.loss());
            if (r.testLoss() != null) {
                w.printf("held-out loss = %.6g, accuracy = %.4g%n", r.testLoss(), r.testAccuracy());
            }
            for (int i = 0; i < r.eigenvalues().length; i++) {
                w.printf("lambda_%d = %.10g  (residual %.2e, copies %s%d)%n", i + 1, r.eigenvalues()[i], r.residuals()[i],
                        r.multiplicityChecked()[i] ? "" : ">=", r.multiplicity()[i]);
            }
            if (r.trace() != null) {
                w.printf("trace = %.6g +- %.2g (%d Hutchinson probes)%n", r.trace(), r.traceStandardError(), r.traceProducts());
            }
            w.printf("%d products in %.3f s (%.2f ms per product)%n", r.products(), r.seconds(),
                    1e3 * r.seconds() / Math.max(r.products(), 1));
        }
        w.flush();
        if (!r.converged()) {
            command.commandLine().getErr().printf("warning: the eigenvalues did NOT converge within %d products "
                    + "(residuals above --tol); they are estimates only: raise --max-products or loosen --tol%n", r.products());
        }
        return 0;
    }
}
