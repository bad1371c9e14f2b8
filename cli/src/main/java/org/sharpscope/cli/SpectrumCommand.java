package org.sharpscope.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.sharpscope.UserInputException;
import org.sharpscope.report.plot.ChartFiles;
import org.sharpscope.report.plot.LinePlot;
import org.sharpscope.run.AtomicFiles;
import org.sharpscope.run.CsvTable;
import org.sharpscope.run.Json;
import org.sharpscope.spectral.CountingOperator;
import org.sharpscope.spectral.EigenResult;
import org.sharpscope.spectral.EigenSolver;
import org.sharpscope.spectral.HutchPlusPlus;
import org.sharpscope.spectral.LinearOperator;
import org.sharpscope.spectral.MatrixMarket;
import org.sharpscope.spectral.SolverOptions;
import org.sharpscope.spectral.SpectralDensity;
import org.sharpscope.spectral.TraceEstimate;
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
    /** The eigensolvers the command offers. */
    public enum Method { lanczos, lobpcg, power }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--matrix", required = true, paramLabel = "FILE.mtx",
            description = "Symmetric matrix in Matrix Market format (array or coordinate; general or symmetric; real or integer).")
    Path matrix;

    @Option(names = "--top", paramLabel = "K", description = "Find the K largest (algebraic) eigenvalues. Default: --top 1.")
    Integer top;

    @Option(names = "--bottom", paramLabel = "K", description = "Find the K smallest (algebraic) eigenvalues instead.")
    Integer bottom;

    @Option(names = "--method", defaultValue = "lanczos", description = "Eigensolver: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Method method;

    @Option(names = "--tol", defaultValue = "1e-8",
            description = "Stop when every residual ‖Av − θv‖ ≤ tol·‖A‖ (default: ${DEFAULT-VALUE}).")
    double tol;

    @Option(names = "--max-products", defaultValue = "100000", description = "Product budget of the eigensolver (default: ${DEFAULT-VALUE}).")
    long maxProducts;

    @Option(names = "--seed", defaultValue = "0", description = "Seed of all random vectors (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--trace", description = "Also estimate the trace with Hutch++.")
    boolean trace;

    @Option(names = "--trace-products", defaultValue = "99", description = "Product budget of the trace estimate (default: ${DEFAULT-VALUE}).")
    int traceProducts;

    @Option(names = "--density", description = "Also estimate the spectral density by stochastic Lanczos quadrature.")
    boolean density;

    @Option(names = "--probes", defaultValue = "10", description = "SLQ probe vectors (default: ${DEFAULT-VALUE}).")
    int probes;

    @Option(names = "--steps", defaultValue = "60", description = "SLQ Lanczos steps per probe, capped at n (default: ${DEFAULT-VALUE}).")
    int steps;

    @Option(names = "--sigma", description = "Gaussian broadening of the density (default: 1%% of the spectral range).")
    Double sigma;

    @Option(names = "--grid", defaultValue = "400", description = "Points of the density grid (default: ${DEFAULT-VALUE}).")
    int gridPoints;

    @Option(names = "--json", description = "Print JSON (keys eigenvalues, residuals, products, multiplicity; trace and density when asked).")
    boolean json;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Write spectrum.json there, plus density.csv and density.png/.svg with --density.")
    Path out;

    @Override
    public Integer call() {
        if (top != null && bottom != null) throw new UserInputException("give either --top or --bottom, not both");
        int k = top != null ? top : bottom != null ? bottom : 1;
        String flag = bottom != null ? "--bottom" : "--top";
        if (k < 1) throw new UserInputException(flag + " must be >= 1, got " + k);
        UserInputException.requirePositive("--tol", tol);
        if (maxProducts < 1) throw new UserInputException("--max-products must be >= 1, got " + maxProducts);
        if (trace && traceProducts < 3) throw new UserInputException("--trace-products must be >= 3, got " + traceProducts);
        if (density) {
            if (probes < 1) throw new UserInputException("--probes must be >= 1, got " + probes);
            if (steps < 1) throw new UserInputException("--steps must be >= 1, got " + steps);
            if (gridPoints < 2) throw new UserInputException("--grid must be >= 2, got " + gridPoints);
            if (sigma != null) UserInputException.requirePositive("--sigma", sigma);
        }

        LinearOperator op = MatrixMarket.read(matrix);
        int n = op.dimension();
        if (k > n) throw new UserInputException(flag + " " + k + " exceeds the matrix dimension " + n + "; choose K <= " + n);

        SolverOptions.Which which = bottom != null ? SolverOptions.Which.BOTTOM : SolverOptions.Which.TOP;
        CountingOperator counted = new CountingOperator(op);
        EigenResult r = EigenSolver.named(method.name()).solve(counted, k, SolverOptions.defaults()
                .withWhich(which).withTol(tol).withMaxProducts(maxProducts).withSeed(seed).withWantVectors(false));
        boolean converged = r.allConverged();

        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("matrix", matrix.toString());
        doc.put("dimension", n);
        doc.put("method", method.name());
        doc.put("which", which.name().toLowerCase(Locale.ROOT));
        doc.put("k", k);
        doc.put("tol", tol);
        doc.put("seed", seed);
        doc.put("eigenvalues", r.values());
        doc.put("residuals", r.residuals());
        doc.put("products", r.products());
        doc.put("converged", converged);
        doc.put("multiplicity", r.multiplicity());
        doc.put("multiplicity_checked", r.multiplicityChecked());
        doc.put("multiplicity_tolerance", r.multiplicityTolerance());
        doc.put("check_products", r.checkProducts());

        TraceEstimate t = null;
        if (trace) {
            t = HutchPlusPlus.trace(op, traceProducts, seed);
            Map<String, Object> tm = new LinkedHashMap<>();
            tm.put("estimator", "hutch++");
            tm.put("value", t.value());
            tm.put("standard_error", t.standardError());
            tm.put("products", t.products());
            doc.put("trace", tm);
        }
        SpectralDensity d = null;
        double[] grid = null;
        double[] phi = null;
        double s = 0;
        if (density) {
            d = SpectralDensity.estimate(op, probes, steps, seed);
            s = sigma != null ? sigma : d.defaultSigma();
            grid = d.grid(gridPoints, s);
            phi = d.density(grid, s);
            Map<String, Object> dm = new LinkedHashMap<>();
            dm.put("method", "slq");
            dm.put("probes", probes);
            dm.put("steps", Math.min(steps, n));
            dm.put("sigma", s);
            dm.put("products", d.products());
            dm.put("trace", d.trace());
            dm.put("grid", grid);
            dm.put("density", phi);
            doc.put("density", dm);
        }

        if (out != null) {
            try {
                writeOutputs(doc, grid, phi, s);
            } catch (java.io.UncheckedIOException e) {
                throw new UserInputException("cannot write to --out " + out + ": " + e.getCause().getMessage() + "; choose a writable directory");
            }
        }
        print(doc, r, which, k, n, converged, t, d, s);
        return 0;
    }

    private void writeOutputs(Map<String, Object> doc, double[] grid, double[] phi, double s) {
        {
            Json.writeJson(out.resolve("spectrum.json"), doc);
            if (density) {
                CsvTable table = new CsvTable(java.util.List.of("lambda", "density"));
                for (int i = 0; i < grid.length; i++) table.add(grid[i], phi[i]);
                AtomicFiles.writeString(out.resolve("density.csv"), table.toCsv());
                LinePlot plot = new LinePlot("Spectral density (SLQ, " + probes + " probes, σ = " + String.format(Locale.ROOT, "%.3g", s) + ")",
                        "eigenvalue λ", "density").line("density", grid, phi);
                plot.chart().getStyler().setXAxisDecimalPattern("0.####");
                plot.chart().getStyler().setLegendVisible(false);
                ChartFiles.save(plot.chart(), out, "density");
            }
        }
    }

    private void print(Map<String, Object> doc, EigenResult r, SolverOptions.Which which, int k, int n, boolean converged,
                       TraceEstimate t, SpectralDensity d, double s) {
        PrintWriter w = spec.commandLine().getOut();
        if (json) {
            w.println(Json.toJson(doc));
        } else {
            w.printf(Locale.ROOT, "matrix    %s (n = %d)%n", matrix, n);
            w.printf(Locale.ROOT, "method    %s, %s %d, tol %.3g%n", method, which.name().toLowerCase(Locale.ROOT), k, tol);
            w.printf(Locale.ROOT, "%5s  %24s  %12s  %6s%n", "#", "eigenvalue", "residual", "copies");
            for (int i = 0; i < r.values().length; i++) {
                w.printf(Locale.ROOT, "%5d  %24.16e  %12.3e  %6s%n", i + 1, r.values()[i], r.residuals()[i],
                        (r.multiplicityChecked()[i] ? "" : ">=") + r.multiplicity()[i]);
            }
            w.printf(Locale.ROOT, "products  %d%s%n", r.products(), converged ? "" : "  (NOT converged: raise --max-products or --tol)");
            if (t != null) {
                w.printf(Locale.ROOT, "trace     %.10g ± %.3g  (Hutch++, %d products)%n", t.value(), t.standardError(), t.products());
            }
            if (d != null) {
                w.printf(Locale.ROOT, "density   SLQ, %d probes x %d steps = %d products, sigma %.3g%s%n", probes, Math.min(steps, n),
                        d.products(), s, out != null ? ", written to " + out.resolve("density.csv") + " and density.png" : " (use --out DIR or --json for the curve)");
            }
        }
        w.flush();
    }
}
