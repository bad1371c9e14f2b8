package org.sharpscope.study.nn;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sharpscope.UserInputException;
import org.sharpscope.nn.data.Dataset;
import org.sharpscope.nn.hessian.TrainingObjective;
import org.sharpscope.nn.model.Network;
import org.sharpscope.nn.model.Parameters;
import org.sharpscope.nn.source.NetworkSource;
import org.sharpscope.nn.train.Checkpoint;
import org.sharpscope.run.AtomicFiles;
import org.sharpscope.run.CsvTable;
import org.sharpscope.run.RunDirectory;
import org.sharpscope.spectral.EigenResult;
import org.sharpscope.spectral.Hutchinson;
import org.sharpscope.spectral.LinearOperator;
import org.sharpscope.spectral.SolverOptions;
import org.sharpscope.spectral.TraceEstimate;
import org.sharpscope.study.RunContext;
import org.sharpscope.study.Specs;
import org.sharpscope.study.Task;

/**
 * {@code sharpness}: the top eigenvalues of the training-loss Hessian (or Gauss-Newton matrix)
 * of a network at its seeded initialization (a TorchScript module: its own weights) or at a
 * checkpoint, from exact products, into a run directory: config.yaml, manifest.json,
 * eigenvalues.csv ({@code index, eigenvalue, residual}) and summary.json (with the loss and
 * accuracy on held-out examples when given).
 */
public final class SharpnessTask implements Task<SharpnessSpec, SharpnessSummary> {
    /** The eigenvalues file of a sharpness run. */
    public static final String EIGENVALUES = "eigenvalues.csv";

    @Override
    public String name() {
        return "sharpness";
    }

    @Override
    public Class<SharpnessSpec> specType() {
        return SharpnessSpec.class;
    }

    @Override
    public SharpnessSummary run(SharpnessSpec spec, RunContext context) {
        spec.useThreads();
        try (NetworkSource source = spec.openSource()) {
            return run(spec, source, context);
        }
    }

    private SharpnessSummary run(SharpnessSpec spec, NetworkSource source, RunContext context) {
        Dataset data = source.loadData();
        Dataset test = source.loadTestData();
        Network net = source.buildNetwork(data);
        Parameters params = spec.checkpoint() == null ? Parameters.initialize(net, spec.dtype(), spec.seed())
                : Checkpoint.load(spec.checkpoint(), net, spec.dtype());
        if (spec.topK() > params.dimension()) {
            throw new UserInputException("--top-k " + spec.topK() + " exceeds the " + params.dimension() + " parameters");
        }
        RunDirectory dir = RunDirectory.create(context.out());
        dir.writeConfig(Specs.toMap(spec));
        dir.startManifest(name(), spec.seed());
        dir.putManifest("architecture", net.description());
        dir.putManifest("examples", data.size());
        if (test != null) dir.putManifest("test_examples", test.size());
        if (!source.inputFiles().isEmpty()) {
            Map<String, String> sha = new LinkedHashMap<>();
            for (NetworkSource.InputFile f : source.inputFiles()) sha.put(f.flag(), f.sha256());
            dir.putManifest("input_sha256", sha);
        }
        if (spec.saveCheckpoint() != null) {
            String from = spec.checkpoint() != null ? spec.checkpoint().toString()
                    : spec.ownNetwork() ? "the weights saved in " + spec.modelFile() : "init seed " + spec.seed();
            Checkpoint.save(spec.saveCheckpoint(), params, Map.of("source", from));
        }

        TrainingObjective objective = new TrainingObjective(params, data, spec.loss(), spec.chunk());
        LinearOperator op = spec.operator().of(objective);
        long start = System.nanoTime();
        EigenResult r = spec.method().solver().solve(op, spec.topK(), SolverOptions.defaults().withTol(spec.tol())
                .withMaxProducts(spec.maxProducts()).withSeed(spec.seed()).withWantVectors(false));
        double seconds = (System.nanoTime() - start) / 1e9;
        double loss = objective.loss();
        TrainingObjective held = test == null ? null : new TrainingObjective(params, test, spec.loss(), spec.chunk());
        TraceEstimate trace = spec.trace() > 0 ? Hutchinson.trace(op, spec.trace(), spec.seed()) : null;

        CsvTable eigen = new CsvTable(List.of("index", "eigenvalue", "residual"));
        for (int i = 0; i < r.values().length; i++) eigen.add(i + 1, r.values()[i], r.residuals()[i]);
        AtomicFiles.writeString(dir.file(EIGENVALUES), eigen.toCsv());
        SharpnessSummary summary = new SharpnessSummary(r.values(), r.products(), seconds, r.residuals(), loss,
                held == null ? null : held.loss(), held == null ? null : test.accuracy(held.outputs()), r.allConverged(), r.multiplicity(), r.multiplicityChecked(), r.checkProducts(),
                trace == null ? null : trace.value(), trace == null ? null : trace.standardError(),
                trace == null ? null : trace.products(), spec.operator(), spec.method(), data.size(),
                params.dimension(), spec.describe());
        dir.writeSummary(summary);
        dir.finishManifest("finished");
        return summary;
    }
}
