package org.sharpscope.study.sweep;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.sharpscope.run.RunDirectory;

/** Reads one numeric column of a run directory's metrics.csv (as written by CsvTable). */
final class MetricsColumn {
    private MetricsColumn() {}

    /** The column's values in row order; empty when the file or column is missing. Blank cells read as NaN. */
    static double[] read(Path runDir, String column) {
        Path file = runDir.resolve(RunDirectory.METRICS);
        if (!Files.isRegularFile(file)) return new double[0];
        try (BufferedReader in = Files.newBufferedReader(file)) {
            String header = in.readLine();
            if (header == null) return new double[0];
            int col = Arrays.asList(header.split(",", -1)).indexOf(column);
            if (col < 0) return new double[0];
            double[] out = new double[256];
            int n = 0;
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.isEmpty()) continue;
                String[] f = line.split(",", -1);
                double v = col < f.length && !f[col].isEmpty() ? parse(f[col]) : Double.NaN;
                if (n == out.length) out = Arrays.copyOf(out, 2 * n);
                out[n++] = v;
            }
            return Arrays.copyOf(out, n);
        } catch (IOException e) {
            return new double[0];
        }
    }

    private static double parse(String s) {
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    /** The last {@code k} values (all when fewer). */
    static double[] tail(double[] v, int k) {
        return Arrays.copyOfRange(v, Math.max(0, v.length - k), v.length);
    }
}
