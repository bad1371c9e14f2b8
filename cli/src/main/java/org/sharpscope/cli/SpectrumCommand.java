package org.sharpscope.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.sharpscope.cli.options.CommandSettings;
import org.sharpscope.report.RunFigures;
import org.sharpscope.run.Json;
import org.sharpscope.study.RunContext;
import org.sharpscope.study.spectral.SpectrumSpec;
import org.sharpscope.study.spectral.SpectrumSummary;
import org.sharpscope.study.spectral.SpectrumTask;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code sharpscope spectrum}: eigenvalues, trace and spectral density of a Matrix Market matrix, from products alone. */
@Command(name = "spectrum",
        mixinStandardHelpOptions = true,
        description = "Top or bottom eigenvalues (Lanczos, LOBPCG or power iteration), Hutch++ trace and SLQ "
                + "spectral density of a symmetric matrix in Matrix Market format, using only matrix-vector "
                + "products (the way Hessians are probed). Reports the number of products used.")
public final class SpectrumCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--config", paramLabel = "FILE",
            description = "YAML file of settings: keys are the flag names without dashes; flags on the command line win.")
    Path config;

    @Option(names = "--matrix", paramLabel = "FILE.mtx",
            description = "Symmetric matrix in Matrix Market format (array or coordinate; general or symmetric; real or integer). Required.")
    Path matrix;

    @Option(names = "--top-k", paramLabel = "K", description = "Find the K largest (algebraic) eigenvalues (default 1).")
    Integer topK;

    @Option(names = "--top", paramLabel = "K", hidden = true, description = "Old name of --top-k.")
    Integer top;

    @Option(names = "--bottom", paramLabel = "K", description = "Find the K smallest (algebraic) eigenvalues instead.")
    Integer bottom;

    @Option(names = "--method", paramLabel = "lanczos|lobpcg|power", description = "Eigensolver (default lanczos).")
    String method;

    @Option(names = "--tol", description = "Stop when every residual ‖Av − θv‖ ≤ tol·‖A‖ (default 1e-8).")
    Double tol;

    @Option(names = "--max-products", description = "Product budget of the eigensolver (default 100000).")
    Long maxProducts;

    @Option(names = "--seed", description = "Seed of all random vectors (default 0).")
    Long seed;

    @Option(names = "--trace", paramLabel = "N", arity = "0..1", fallbackValue = "" + SpectrumSpec.TRACE_PRODUCTS,
            description = "Also estimate the trace with Hutch++ in N products (at least 3); --trace alone: "
                    + SpectrumSpec.TRACE_PRODUCTS + " (default 0: no trace).")
    Integer trace;

    @Option(names = "--trace-products", paramLabel = "N", hidden = true, description = "Old name of --trace N.")
    Integer traceProducts;

    @Option(names = "--density", paramLabel = "true|false", arity = "0..1", fallbackValue = "true",
            description = "Also estimate the spectral density by stochastic Lanczos quadrature (default false).")
    Boolean density;

    @Option(names = "--probes", description = "SLQ probe vectors (default 10).")
    Integer probes;

    @Option(names = "--steps", description = "SLQ Lanczos steps per probe, capped at n (default 60).")
    Integer steps;

    @Option(names = "--sigma", description = "Gaussian broadening of the density (default: 1%% of the spectral range).")
    Double sigma;

    @Option(names = "--grid", description = "Points of the density grid (default 400).")
    Integer grid;

    @Option(names = "--json", description = "Print JSON (keys eigenvalues, residuals, products, multiplicity; trace and density when asked).")
    boolean json;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Write a run directory there: spectrum.json (also summary.json), config.yaml, manifest.json, "
                    + "plus density.csv and density.png/.svg with --density.")
    Path out;

    @Override
    public Integer call() {
        Map<String, Object> settings = CommandSettings.read(spec, config == null ? List.of() : List.of(config), List.of(), List.of(),
                Map.of("top", "top-k", "trace-products", "trace"));
        SpectrumSpec s = CommandSettings.bind(SpectrumSpec.class, settings, config == null ? "'" + spec.qualifiedName() + "'" : "config " + config);
        SpectrumTask task = new SpectrumTask();
        SpectrumSummary r;
        if (out == null) {
            r = task.compute(s);
        } else {
            r = task.run(s, RunContext.quiet(out));
            new RunFigures().draw(task.name(), out);
        }
        print(r);
        return 0;
    }

    private void print(SpectrumSummary r) {
        PrintWriter w = spec.commandLine().getOut();
        if (json) {
            w.println(Json.toJson(r));
        } else {
            w.printf(Locale.ROOT, "matrix    %s (n = %d)%n", r.matrix(), r.dimension());
            w.printf(Locale.ROOT, "method    %s, %s %d, tol %.3g%n", r.method(), r.which(), r.k(), r.tol());
            w.printf(Locale.ROOT, "%5s  %24s  %12s  %6s%n", "#", "eigenvalue", "residual", "copies");
            for (int i = 0; i < r.eigenvalues().length; i++) {
                w.printf(Locale.ROOT, "%5d  %24.16e  %12.3e  %6s%n", i + 1, r.eigenvalues()[i], r.residuals()[i],
                        (r.multiplicityChecked()[i] ? "" : ">=") + r.multiplicity()[i]);
            }
            w.printf(Locale.ROOT, "products  %d%s%n", r.products(), r.converged() ? "" : "  (NOT converged: raise --max-products or --tol)");
            if (r.trace() != null) {
                w.printf(Locale.ROOT, "trace     %.10g ± %.3g  (Hutch++, %d products)%n", r.trace().value(), r.trace().standardError(),
                        r.trace().products());
            }
            if (r.density() != null) {
                SpectrumSummary.Density d = r.density();
                w.printf(Locale.ROOT, "density   SLQ, %d probes x %d steps = %d products, sigma %.3g%s%n", d.probes(), d.steps(),
                        d.products(), d.sigma(), out != null ? ", written to " + out.resolve(SpectrumTask.DENSITY) + " and density.png"
                                : " (use --out DIR or --json for the curve)");
            }
        }
        w.flush();
        if (!r.converged()) {
            spec.commandLine().getErr().printf(Locale.ROOT, "warning: the eigenvalues did NOT converge within %d products "
                    + "(residuals above --tol); they are estimates only: raise --max-products or loosen --tol%n", r.products());
        }
    }
}
