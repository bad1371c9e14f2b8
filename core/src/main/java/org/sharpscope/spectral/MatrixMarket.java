package org.sharpscope.spectral;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.ejml.data.DMatrixRMaj;
import org.sharpscope.UserInputException;

/**
 * Reads and writes real symmetric matrices in the Matrix Market exchange format
 * (math.nist.gov/MatrixMarket): layouts {@code array} (dense, column-major) and
 * {@code coordinate} (sparse triplets, duplicates summed), fields {@code real}, {@code integer}
 * (and {@code double}), symmetries {@code general} and {@code symmetric}. Everything else, and
 * every malformed or non-symmetric file, is a {@link UserInputException} with a one-line message
 * naming the file and line.
 */
public final class MatrixMarket {
    /** Relative asymmetry |a_ij − a_ji| ≤ this · max|a| still counts as symmetric. */
    public static final double SYMMETRY_TOLERANCE = 1e-10;

    private MatrixMarket() {}

    /** Reads the file as an operator: dense for {@code array}, compressed sparse for {@code coordinate}. */
    public static LinearOperator read(Path file) {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return new Parser(file, in).parse();
        } catch (NoSuchFileException e) {
            throw new UserInputException("matrix file " + file + " does not exist; give the path of a Matrix Market (.mtx) file");
        } catch (IOException | UncheckedIOException e) {
            throw new UserInputException("cannot read matrix file " + file + ": " + e.getMessage());
        }
    }

    /** Writes a symmetric matrix as {@code array real symmetric} (lower triangle, column-major, exact doubles). */
    public static void writeArray(Path file, DMatrixRMaj a) {
        StringBuilder sb = new StringBuilder();
        sb.append("%%MatrixMarket matrix array real symmetric\n");
        sb.append(a.numRows).append(' ').append(a.numCols).append('\n');
        for (int j = 0; j < a.numCols; j++) {
            for (int i = j; i < a.numRows; i++) sb.append(Double.toString(a.get(i, j))).append('\n');
        }
        org.sharpscope.run.AtomicFiles.writeString(file, sb.toString());
    }

    private static final class Parser {
        private final Path file;
        private final BufferedReader in;
        private int lineNo;

        Parser(Path file, BufferedReader in) {
            this.file = file;
            this.in = in;
        }

        private UserInputException error(String what) {
            return new UserInputException(file + " line " + lineNo + ": " + what);
        }

        /** Next line that is neither blank nor a comment, split into tokens; null at end of file. */
        private String[] nextTokens() throws IOException {
            String line;
            while ((line = in.readLine()) != null) {
                lineNo++;
                String t = line.trim();
                if (t.isEmpty() || t.startsWith("%")) continue;
                return t.split("\\s+");
            }
            return null;
        }

        LinearOperator parse() throws IOException {
            String header = in.readLine();
            lineNo = 1;
            if (header == null) throw error("empty file; a Matrix Market file starts with '%%MatrixMarket matrix array|coordinate real symmetric|general'");
            String[] h = header.trim().toLowerCase(Locale.ROOT).split("\\s+");
            if (h.length != 5 || !h[0].equals("%%matrixmarket") || !h[1].equals("matrix")) {
                throw error("not a Matrix Market header: '" + header.trim() + "'; expected '%%MatrixMarket matrix array|coordinate real|integer general|symmetric'");
            }
            String layout = h[2];
            String field = h[3];
            String symmetry = h[4];
            if (!layout.equals("array") && !layout.equals("coordinate")) {
                throw error("unknown layout '" + layout + "'; use 'array' or 'coordinate'");
            }
            if (!field.equals("real") && !field.equals("integer") && !field.equals("double")) {
                throw error("field '" + field + "' is not supported; the solvers need a real matrix ('real' or 'integer')");
            }
            if (!symmetry.equals("general") && !symmetry.equals("symmetric")) {
                throw error("symmetry '" + symmetry + "' is not supported; the solvers need a real symmetric matrix ('symmetric' or a symmetric 'general' one)");
            }
            boolean sym = symmetry.equals("symmetric");
            String[] size = nextTokens();
            if (size == null) throw error("missing the size line");
            int expectSize = layout.equals("array") ? 2 : 3;
            if (size.length != expectSize) {
                throw error("size line must have " + expectSize + " numbers (" + (expectSize == 2 ? "rows columns" : "rows columns entries") + "), got '" + String.join(" ", size) + "'");
            }
            int rows = intToken(size[0], "row count");
            int cols = intToken(size[1], "column count");
            if (rows < 1 || cols < 1) throw error("matrix must have at least one row and column, got " + rows + "x" + cols);
            if (rows != cols) throw error("matrix is " + rows + "x" + cols + "; the solvers need a square symmetric matrix");
            // The solvers keep a basis of a few dozen vectors of length n.
            org.sharpscope.Memory.require(8.0 * 64 * rows, file + ": a " + rows + "x" + cols
                    + " matrix (the eigensolvers' vectors of that length)", "use a smaller matrix or raise -Xmx");
            return layout.equals("array") ? readArray(rows, sym) : readCoordinate(rows, longToken(size[2], "entry count"), sym);
        }

        private LinearOperator readArray(int n, boolean sym) throws IOException {
            if ((long) n * n > 400_000_000L) throw error("dense matrix of size " + n + " is too large for memory; store it in 'coordinate' layout");
            org.sharpscope.Memory.require(8.0 * n * n, file + ": a dense " + n + "x" + n + " array", "store it in 'coordinate' layout or raise -Xmx");
            DMatrixRMaj a = new DMatrixRMaj(n, n);
            long expected = sym ? (long) n * (n + 1) / 2 : (long) n * n;
            long got = 0;
            int i = 0;
            int j = 0;
            String[] t;
            while ((t = nextTokens()) != null) {
                for (String tok : t) {
                    if (got == expected) throw error("more values than the " + expected + " an " + n + "x" + n + (sym ? " symmetric" : "") + " array holds");
                    double v = value(tok);
                    a.set(i, j, v);
                    if (sym) a.set(j, i, v);
                    got++;
                    i++;
                    if (i == n) {
                        j++;
                        i = sym ? j : 0;
                    }
                }
            }
            if (got != expected) throw error("found " + got + " values, expected " + expected + " for an " + n + "x" + n + (sym ? " symmetric" : "") + " array");
            DenseMatrixOperator op = new DenseMatrixOperator(a);
            if (!sym && !op.isSymmetric(SYMMETRY_TOLERANCE)) {
                throw new UserInputException(file + ": matrix is not symmetric; the solvers need a symmetric matrix (use (A + Aᵀ)/2)");
            }
            return op;
        }

        private LinearOperator readCoordinate(int n, long nnz, boolean sym) throws IOException {
            if (nnz < 0) throw error("entry count must be >= 0, got " + nnz);
            if (nnz > 200_000_000L) throw error("too many entries (" + nnz + ")");
            org.sharpscope.Memory.require(16.0 * (sym ? 2 * nnz : nnz), file + ": " + nnz + " entries",
                    "use a smaller matrix or raise -Xmx");
            int cap = (int) (sym ? 2 * nnz : nnz);
            int[] r = new int[cap];
            int[] c = new int[cap];
            double[] v = new double[cap];
            int at = 0;
            Map<Long, Double> general = sym ? null : new HashMap<>();
            double max = 0;
            for (long e = 0; e < nnz; e++) {
                String[] t = nextTokens();
                if (t == null) throw error("file ends after " + e + " of " + nnz + " entries");
                if (t.length != 3) throw error("an entry is 'row column value', got '" + String.join(" ", t) + "'");
                int i = intToken(t[0], "row index") - 1;
                int j = intToken(t[1], "column index") - 1;
                if (i < 0 || i >= n || j < 0 || j >= n) throw error("index (" + (i + 1) + ", " + (j + 1) + ") outside the " + n + "x" + n + " matrix");
                double x = value(t[2]);
                max = Math.max(max, Math.abs(x));
                r[at] = i;
                c[at] = j;
                v[at] = x;
                at++;
                if (sym && i != j) {
                    r[at] = j;
                    c[at] = i;
                    v[at] = x;
                    at++;
                }
                if (general != null) general.merge((long) i * n + j, x, Double::sum);
            }
            if (nextTokens() != null) throw error("more entries than the " + nnz + " the size line announces");
            if (general != null) {
                for (Map.Entry<Long, Double> en : general.entrySet()) {
                    long key = en.getKey();
                    int i = (int) (key / n);
                    int j = (int) (key % n);
                    double mirror = general.getOrDefault((long) j * n + i, 0.0);
                    if (Math.abs(en.getValue() - mirror) > SYMMETRY_TOLERANCE * max) {
                        throw new UserInputException(file + ": matrix is not symmetric (entry (" + (i + 1) + ", " + (j + 1) + ") = " + en.getValue()
                                + " but (" + (j + 1) + ", " + (i + 1) + ") = " + mirror + "); the solvers need a symmetric matrix (use (A + Aᵀ)/2)");
                    }
                }
            }
            return new SparseMatrixOperator(n, java.util.Arrays.copyOf(r, at), java.util.Arrays.copyOf(c, at), java.util.Arrays.copyOf(v, at));
        }

        private double value(String tok) {
            double x;
            try {
                x = Double.parseDouble(tok);
            } catch (NumberFormatException e) {
                throw error("'" + tok + "' is not a number");
            }
            if (!Double.isFinite(x)) throw error("value '" + tok + "' is not finite");
            return x;
        }

        private int intToken(String tok, String what) {
            long v = longToken(tok, what);
            if (v > Integer.MAX_VALUE) throw error(what + " " + tok + " is too large");
            return (int) v;
        }

        private long longToken(String tok, String what) {
            try {
                return Long.parseLong(tok);
            } catch (NumberFormatException e) {
                throw error(what + " must be an integer, got '" + tok + "'");
            }
        }
    }
}
