package org.sharpscope.study.spectral;

import java.io.UncheckedIOException;
import java.util.List;
import org.sharpscope.UserInputException;
import org.sharpscope.run.AtomicFiles;
import org.sharpscope.run.CsvTable;
import org.sharpscope.run.Json;
import org.sharpscope.run.RunDirectory;
import org.sharpscope.spectral.CountingOperator;
import org.sharpscope.spectral.EigenResult;
import org.sharpscope.spectral.HutchPlusPlus;
import org.sharpscope.spectral.LinearOperator;
import org.sharpscope.spectral.MatrixMarket;
import org.sharpscope.spectral.SolverOptions;
import org.sharpscope.spectral.SpectralDensity;
import org.sharpscope.spectral.TraceEstimate;
import org.sharpscope.study.RunContext;
import org.sharpscope.study.Specs;
import org.sharpscope.study.Task;

/**
 * {@code spectrum}: extreme eigenvalues, Hutch++ trace and SLQ spectral density of a symmetric
 * Matrix Market matrix from matrix-vector products alone (the way Hessians are probed). A run
 * directory holds config.yaml, manifest.json, spectrum.json (also as summary.json) and, with a
 * density, density.csv ({@code lambda, density}).
 */
public final class SpectrumTask implements Task<SpectrumSpec, SpectrumSummary> {
    public static final String SPECTRUM = "spectrum.json";
    public static final String DENSITY = "density.csv";

    @Override
    public String name() {
        return "spectrum";
    }

    @Override
    public Class<SpectrumSpec> specType() {
        return SpectrumSpec.class;
    }

    @Override
    public SpectrumSummary run(SpectrumSpec spec, RunContext context) {
        SpectrumSummary s = compute(spec);
        try {
            RunDirectory dir = RunDirectory.create(context.out());
            dir.writeConfig(Specs.toMap(spec));
            dir.startManifest(name(), spec.seed());
            Json.writeJson(dir.file(SPECTRUM), s);
            if (s.density() != null) {
                CsvTable table = new CsvTable(List.of("lambda", "density"));
                for (int i = 0; i < s.density().grid().length; i++) table.add(s.density().grid()[i], s.density().density()[i]);
                AtomicFiles.writeString(dir.file(DENSITY), table.toCsv());
            }
            dir.writeSummary(s);
            dir.finishManifest("finished");
        } catch (UncheckedIOException e) {
            throw new UserInputException("cannot write to --out " + context.out() + ": " + e.getCause().getMessage()
                    + "; choose a writable directory");
        }
        return s;
    }

    /** The spectrum without writing anything. */
    public SpectrumSummary compute(SpectrumSpec spec) {
        LinearOperator op = MatrixMarket.read(spec.matrix());
        int n = op.dimension();
        int k = spec.k();
        if (k > n) {
            throw new UserInputException((spec.fromBottom() ? "--bottom " : "--top-k ") + k
                    + " exceeds the matrix dimension " + n + "; choose K <= " + n);
        }
        SolverOptions.Which which = spec.fromBottom() ? SolverOptions.Which.BOTTOM : SolverOptions.Which.TOP;
        CountingOperator counted = new CountingOperator(op);
        EigenResult r = spec.method().solver().solve(counted, k, SolverOptions.defaults().withWhich(which)
                .withTol(spec.tol()).withMaxProducts(spec.maxProducts()).withSeed(spec.seed()).withWantVectors(false));
        boolean converged = r.allConverged();

        SpectrumSummary.Trace trace = null;
        if (spec.trace() > 0) {
            TraceEstimate t = HutchPlusPlus.trace(op, spec.trace(), spec.seed());
            trace = new SpectrumSummary.Trace("hutch++", t.value(), t.standardError(), t.products());
        }
        SpectrumSummary.Density density = null;
        if (spec.density()) {
            SpectralDensity d = SpectralDensity.estimate(op, spec.probes(), spec.steps(), spec.seed());
            double sigma = spec.sigma() != null ? spec.sigma() : d.defaultSigma();
            double[] grid = d.grid(spec.grid(), sigma);
            density = new SpectrumSummary.Density("slq", spec.probes(), Math.min(spec.steps(), n), sigma, d.products(),
                    d.trace(), grid, d.density(grid, sigma));
        }
        return new SpectrumSummary(spec.matrix().toString(), n, spec.method(), which.name().toLowerCase(java.util.Locale.ROOT),
                k, spec.tol(), spec.seed(), r.values(), r.residuals(), r.products(), converged, r.multiplicity(),
                r.multiplicityChecked(), r.multiplicityTolerance(), r.checkProducts(), trace, density);
    }
}
