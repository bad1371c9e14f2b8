package org.sharpscope.cli.nn;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.sharpscope.UserInputException;
import org.sharpscope.nn.NetworkSetup;
import org.sharpscope.nn.data.Dataset;
import org.sharpscope.nn.hessian.GaussNewtonOperator;
import org.sharpscope.nn.hessian.HessianOperator;
import org.sharpscope.nn.hessian.TrainingObjective;
import org.sharpscope.nn.model.Checkpoint;
import org.sharpscope.nn.model.Network;
import org.sharpscope.nn.model.Parameters;
import org.sharpscope.run.Json;
import org.sharpscope.spectral.EigenResult;
import org.sharpscope.spectral.EigenSolver;
import org.sharpscope.spectral.Hutchinson;
import org.sharpscope.spectral.TraceEstimate;
import org.sharpscope.spectral.LinearOperator;
import org.sharpscope.spectral.SolverOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code sharpscope sharpness}: top-k eigenvalues of the loss Hessian of a network. */
@Command(name = "sharpness", mixinStandardHelpOptions = true,
        description = "Top-k eigenvalues of the training-loss Hessian (λ^H) of a network at initialization or at a "
                + "checkpoint, from exact Hessian-vector products.")
public final class SharpnessCommand implements Callable<Integer> {
    @Mixin
    NetworkOptions options;

    @Option(names = "--checkpoint", paramLabel = "FILE", description = "Weights (safetensors) instead of the seeded initialization.")
    Path checkpoint;

    @Option(names = "--save-checkpoint", paramLabel = "FILE", description = "Also save the weights used (safetensors).")
    Path saveCheckpoint;

    @Option(names = "--top", paramLabel = "K", defaultValue = "1", description = "Number of top eigenvalues (default 1).")
    int top;

    @Option(names = "--tol", paramLabel = "T", defaultValue = "1e-6", description = "Relative residual tolerance (default 1e-6).")
    double tol;

    @Option(names = "--method", paramLabel = "lanczos|lobpcg|power", defaultValue = "lanczos", description = "Eigensolver (default lanczos).")
    String method;

    @Option(names = "--max-products", paramLabel = "N", defaultValue = "2000", description = "Product budget (default 2000).")
    long maxProducts;

    @Option(names = "--operator", paramLabel = "hessian|gauss-newton", defaultValue = "hessian",
            description = "Operator: the loss Hessian or the Gauss-Newton matrix (default hessian).")
    String operator;

    @Option(names = "--trace", paramLabel = "PROBES", defaultValue = "0",
            description = "Also estimate the trace with this many Hutchinson probes (default 0: no trace).")
    int traceProbes;

    @Option(names = "--json", description = "Print JSON (keys eigenvalues, products, seconds, residuals, loss, ...).")
    boolean json;

    @Override
    public Integer call() {
        options.applyConfig(List.of(), List.of(), NetworkOptions.trainKeys());
        if (top < 1) throw new UserInputException("--top must be >= 1, got " + top);
        UserInputException.requirePositive("--tol", tol);
        if (traceProbes < 0) throw new UserInputException("--trace must be >= 0 probes, got " + traceProbes);
        if (maxProducts < 1) throw new UserInputException("--max-products must be >= 1, got " + maxProducts);
        EigenSolver solver;
        try {
            solver = EigenSolver.named(method);
        } catch (IllegalArgumentException e) {
            throw new UserInputException("unknown --method '" + method + "': use lanczos, lobpcg or power");
        }
        if (!operator.equals("hessian") && !operator.equals("gauss-newton")) {
            throw new UserInputException("unknown --operator '" + operator + "': use hessian or gauss-newton");
        }
        NetworkSetup setup = options.resolve();
        Dataset data = setup.loadData();
        Network net = setup.buildNetwork(data);
        Parameters params = checkpoint == null ? Parameters.initialize(net, setup.dtype(), setup.seed())
                : Checkpoint.load(checkpoint, net, setup.dtype());
        if (top > params.dimension()) {
            throw new UserInputException("--top " + top + " exceeds the " + params.dimension() + " parameters");
        }
        if (saveCheckpoint != null) Checkpoint.save(saveCheckpoint, params, Map.of("source", checkpoint == null
                ? "init seed " + setup.seed() : checkpoint.toString()));
        TrainingObjective objective = new TrainingObjective(params, data, setup.loss(), setup.chunk());
        LinearOperator op = operator.equals("hessian") ? new HessianOperator(objective) : new GaussNewtonOperator(objective);
        long start = System.nanoTime();
        EigenResult r = solver.solve(op, top, SolverOptions.defaults().withTol(tol).withMaxProducts(maxProducts)
                .withSeed(setup.seed()).withWantVectors(false));
        double seconds = (System.nanoTime() - start) / 1e9;
        double loss = objective.loss();
        TraceEstimate trace = traceProbes > 0 ? Hutchinson.trace(op, traceProbes, setup.seed()) : null;

        Map<String, Object> out = new LinkedHashMap<>();
        out.put("eigenvalues", r.values());
        out.put("products", r.products());
        out.put("seconds", seconds);
        out.put("residuals", r.residuals());
        out.put("converged", r.allConverged());
        out.put("multiplicity", r.multiplicity());
        out.put("multiplicity_checked", r.multiplicityChecked());
        out.put("check_products", r.checkProducts());
        out.put("loss", loss);
        if (trace != null) {
            out.put("trace", trace.value());
            out.put("trace_standard_error", trace.standardError());
            out.put("trace_products", trace.products());
        }
        out.put("operator", operator);
        out.put("method", method);
        out.put("examples", data.size());
        out.put("parameters", params.dimension());
        out.put("config", setup.toMap());
        if (json) {
            System.out.println(Json.toJson(out));
        } else {
            System.out.printf("model %s, %d parameters, %d examples of %s, loss %s = %.6g%n", setup.model().model().key(),
                    params.dimension(), data.size(), setup.data().dataset().key(), setup.loss().key(), loss);
            for (int i = 0; i < r.values().length; i++) {
                System.out.printf("lambda_%d = %.10g  (residual %.2e, copies %s%d)%n", i + 1, r.values()[i], r.residuals()[i],
                        r.multiplicityChecked()[i] ? "" : ">=", r.multiplicity()[i]);
            }
            if (trace != null) {
                System.out.printf("trace = %.6g +- %.2g (%d Hutchinson probes)%n", trace.value(), trace.standardError(),
                        trace.products());
            }
            System.out.printf("%d products in %.3f s (%.2f ms per product)%n", r.products(), seconds,
                    1e3 * seconds / Math.max(r.products(), 1));
        }
        return 0;
    }
}
