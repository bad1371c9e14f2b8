package org.sharpscope.nn.train;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.sharpscope.UserInputException;
import org.sharpscope.run.CsvTable;
import org.sharpscope.run.RunDirectory;

/**
 * The probes of a run as {@code metrics.csv}: {@code step, loss, accuracy, sharpness,
 * eta_sharpness, sharpness_2 … sharpness_k, residual, weight_norm, grad_norm, output_norm, [ntk,]
 * hvps[, test_loss, test_accuracy][, lyap_1 … lyap_K, lyap_loss]} (the test columns only for a run with
 * held-out examples, the Lyapunov ones only for a run measuring K exponents: their running
 * estimates, see {@link Probe}). No wall-clock columns, so two runs of one config compare byte for byte. Doubles are
 * written in shortest round-trip form, so a log read back and rewritten is identical. The one
 * reader of train's metrics.csv is here, next to the writer ({@link #read(Path)} for a finished run).
 */
public final class MetricsLog {
    private final int topK;
    private final boolean ntk;
    private final boolean test;
    private final int lyapunov;
    private final List<Probe> probes = new ArrayList<>();

    public MetricsLog(int topK, boolean ntk) {
        this(topK, ntk, false);
    }

    /** A log with the NTK column when {@code ntk} and the held-out columns when {@code test}. */
    public MetricsLog(int topK, boolean ntk, boolean test) {
        this(topK, ntk, test, 0);
    }

    /** A log as {@link #MetricsLog(int, boolean, boolean)} with the running estimates of {@code lyapunov} exponents (0: none). */
    public MetricsLog(int topK, boolean ntk, boolean test, int lyapunov) {
        this.topK = topK;
        this.ntk = ntk;
        this.test = test;
        this.lyapunov = lyapunov;
    }

    /** The number of Lyapunov exponents whose running estimates the log holds (0: none). */
    public int lyapunov() {
        return lyapunov;
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
        if (test) c.addAll(List.of("test_loss", "test_accuracy"));
        if (lyapunov > 0) {
            for (int i = 1; i <= lyapunov; i++) c.add("lyap_" + i);
            c.add("lyap_loss");
        }
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
            if (test) row.addAll(List.of(p.testLoss(), p.testAccuracy()));
            for (int i = 0; i < (lyapunov > 0 ? lyapunov + 1 : 0); i++) row.add(p.lyapunov() == null ? Double.NaN : p.lyapunov()[i]);
            t.add(row.toArray());
        }
        return t;
    }

    /**
     * Reads the rows of {@code file} with step ≤ {@code maxStep} (the rest are recomputed on
     * resume); its columns must be those of a log of {@code topK} eigenvalues (and the NTK when
     * {@code ntk}), else the file was written by a different config.
     */
    public static MetricsLog read(Path file, int topK, boolean ntk, int maxStep) {
        return read(file, topK, ntk, false, maxStep);
    }

    /** {@link #read(Path, int, boolean, int)} of a log with the held-out columns when {@code test}. */
    public static MetricsLog read(Path file, int topK, boolean ntk, boolean test, int maxStep) {
        return read(file, topK, ntk, test, 0, maxStep);
    }

    /** {@link #read(Path, int, boolean, boolean, int)} of a log with the running estimates of {@code lyapunov} exponents. */
    public static MetricsLog read(Path file, int topK, boolean ntk, boolean test, int lyapunov, int maxStep) {
        MetricsLog log = new MetricsLog(topK, ntk, test, lyapunov);
        CsvTable t = CsvTable.read(file);
        if (!t.columns().equals(log.columns())) {
            throw new UserInputException(file + " has columns " + t.columns() + ", expected " + log.columns()
                    + "; it was written by a different config");
        }
        for (int r = 0; r < t.size(); r++) {
            Cells row = new Cells(file, t, r);
            int step = (int) row.number(0, true);
            if (step > maxStep) break;
            int i = 1;
            double loss = row.number(i++, false);
            double acc = row.number(i++, false);
            double[] sharp = new double[topK];
            sharp[0] = row.number(i++, false);
            i++; // eta_sharpness is derived
            for (int k = 1; k < topK; k++) sharp[k] = row.number(i++, false);
            double res = row.number(i++, false);
            double wn = row.number(i++, false);
            double gn = row.number(i++, false);
            double on = row.number(i++, false);
            double nt = ntk ? row.number(i++, false) : Double.NaN;
            long hvps = (long) row.number(i++, true);
            double testLoss = test ? row.number(i++, false) : Double.NaN;
            double testAcc = test ? row.number(i++, false) : Double.NaN;
            double[] lyap = lyapunov > 0 ? new double[lyapunov + 1] : null;
            for (int e = 0; lyap != null && e < lyap.length; e++) lyap[e] = row.number(i++, false);
            log.add(new Probe(step, loss, acc, sharp, res, wn, gn, on, nt, hvps, testLoss, testAcc, lyap));
        }
        return log;
    }

    /**
     * Reads the whole metrics.csv of the run in {@code runDir}, its eigenvalue count, NTK,
     * held-out and Lyapunov columns taken from the header.
     */
    public static MetricsLog read(Path runDir) {
        Path file = runDir.resolve(RunDirectory.METRICS);
        List<String> header = CsvTable.read(file).columns();
        int topK = 1;
        while (header.contains("sharpness_" + (topK + 1))) topK++;
        int lyapunov = 0;
        while (header.contains("lyap_" + (lyapunov + 1))) lyapunov++;
        return read(file, topK, header.contains("ntk"), header.contains("test_loss"), lyapunov, Integer.MAX_VALUE);
    }

    /** One row of a metrics.csv being read: a cell that is not a number is a one-line error naming the file, line and column. */
    private record Cells(Path file, CsvTable table, int row) {
        double number(int column, boolean integer) {
            String cell = table.get(row, column);
            try {
                return integer ? Long.parseLong(cell) : Double.parseDouble(cell);
            } catch (NumberFormatException e) {
                throw new UserInputException(file + " line " + (row + 2) + ": " + table.columns().get(column) + " is '"
                        + cell + "', not " + (integer ? "an integer" : "a number") + "; the file was edited or damaged");
            }
        }
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
