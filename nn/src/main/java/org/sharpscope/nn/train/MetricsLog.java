package org.sharpscope.nn.train;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.sharpscope.UserInputException;
import org.sharpscope.run.CsvTable;

/**
 * The probes of a run as {@code metrics.csv}: {@code step, loss, accuracy, sharpness,
 * eta_sharpness, sharpness_2 … sharpness_k, residual, weight_norm, grad_norm, output_norm, [ntk,]
 * hvps}. No wall-clock columns, so two runs of one config compare byte for byte. Doubles are
 * written in shortest round-trip form, so a log read back and rewritten is identical.
 */
public final class MetricsLog {
    private final int topK;
    private final boolean ntk;
    private final List<Probe> probes = new ArrayList<>();

    public MetricsLog(int topK, boolean ntk) {
        this.topK = topK;
        this.ntk = ntk;
    }

    public void add(Probe p) {
        probes.add(p);
    }

    public List<Probe> probes() {
        return probes;
    }

    public int size() {
        return probes.size();
    }

    public Probe last() {
        return probes.get(probes.size() - 1);
    }

    public List<String> columns() {
        List<String> c = new ArrayList<>(List.of("step", "loss", "accuracy", "sharpness", "eta_sharpness"));
        for (int i = 2; i <= topK; i++) c.add("sharpness_" + i);
        c.addAll(List.of("residual", "weight_norm", "grad_norm", "output_norm"));
        if (ntk) c.add("ntk");
        c.add("hvps");
        return c;
    }

    /** The table for learning rate {@code eta} (which fixes the eta_sharpness column). */
    public CsvTable table(double eta) {
        CsvTable t = new CsvTable(columns());
        for (Probe p : probes) {
            List<Object> row = new ArrayList<>(List.of(p.step(), p.loss(), p.accuracy(), p.top(), eta * p.top()));
            for (int i = 1; i < topK; i++) row.add(p.sharpness()[i]);
            row.addAll(List.of(p.residual(), p.weightNorm(), p.gradNorm(), p.outputNorm()));
            if (ntk) row.add(p.ntk());
            row.add(p.hvps());
            t.add(row.toArray());
        }
        return t;
    }

    /** Reads the rows of {@code file} with step ≤ {@code maxStep} (the rest are recomputed on resume). */
    public static MetricsLog read(Path file, int topK, boolean ntk, int maxStep) {
        MetricsLog log = new MetricsLog(topK, ntk);
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new UserInputException("cannot read " + file + " to resume: " + e.getMessage());
        }
        List<String> header = Arrays.asList(lines.get(0).split(","));
        if (!header.equals(log.columns())) {
            throw new UserInputException(file + " has columns " + header + ", expected " + log.columns()
                    + "; it was written by a different config");
        }
        for (int n = 1; n < lines.size(); n++) {
            String line = lines.get(n);
            if (line.isEmpty()) continue;
            String[] f = line.split(",", -1);
            if (f.length != header.size()) {
                throw new UserInputException(file + " line " + (n + 1) + " has " + f.length + " fields, expected "
                        + header.size() + "; the file was edited or damaged");
            }
            int step = Integer.parseInt(f[0]);
            if (step > maxStep) break;
            int i = 1;
            double loss = Double.parseDouble(f[i++]);
            double acc = Double.parseDouble(f[i++]);
            double[] sharp = new double[topK];
            sharp[0] = Double.parseDouble(f[i++]);
            i++; // eta_sharpness is derived
            for (int k = 1; k < topK; k++) sharp[k] = Double.parseDouble(f[i++]);
            double res = Double.parseDouble(f[i++]);
            double wn = Double.parseDouble(f[i++]);
            double gn = Double.parseDouble(f[i++]);
            double on = Double.parseDouble(f[i++]);
            double nt = ntk ? Double.parseDouble(f[i++]) : Double.NaN;
            long hvps = Long.parseLong(f[i]);
            log.add(new Probe(step, loss, acc, sharp, res, wn, gn, on, nt, hvps));
        }
        return log;
    }

    /** Steps, losses and sharpness of all probes, for the regime analysis and plots. */
    public long[] stepArray() {
        return probes.stream().mapToLong(Probe::step).toArray();
    }

    public double[] lossArray() {
        return probes.stream().mapToDouble(Probe::loss).toArray();
    }

    public double[] sharpnessArray() {
        return probes.stream().mapToDouble(Probe::top).toArray();
    }
}
