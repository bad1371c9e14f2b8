package org.sharpscope.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sharpscope.run.Json;
import org.sharpscope.spectral.CountingOperator;
import org.sharpscope.spectral.EigenResult;
import org.sharpscope.spectral.EigenSolver;
import org.sharpscope.spectral.LinearOperator;
import org.sharpscope.spectral.MatrixMarket;
import org.sharpscope.spectral.SolverOptions;

/**
 * Products needed to reach a relative accuracy on the top-k eigenvalues, for each of our
 * solvers, on Matrix Market files listed in a manifest written by
 * {@code bench/python/spectral_products.py} (which runs ARPACK on the same files). Not a timing
 * benchmark: it counts operator products. Usage: {@code SpectralProducts DIR} reads
 * DIR/manifest.json and writes DIR/java_results.json.
 *
 * <p>Protocol: for every tolerance of a sweep, run the solver; the figure is the fewest products
 * of a run whose top-k all lie within the accuracy of the dense reference. Along a trajectory the
 * tolerance is fixed for the whole sequence (each step warm-started from the previous result),
 * and the figure is the mean products per step of the cheapest tolerance that meets the accuracy
 * at every step.
 */
public final class SpectralProducts {
    static final double[] TOLS = {1e-1, 3e-2, 1e-2, 3e-3, 1e-3, 3e-4, 1e-4, 3e-5, 1e-5, 3e-6, 1e-6, 3e-7, 1e-7, 1e-8, 1e-10};

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        JsonNode manifest = Json.JSON.readTree(dir.resolve("manifest.json").toFile());
        double acc = manifest.get("accuracy").asDouble();
        int seeds = manifest.get("seeds").asInt();
        long budget = manifest.get("max_products").asLong();
        List<Integer> ks = new ArrayList<>();
        manifest.get("ks").forEach(k -> ks.add(k.asInt()));
        Map<String, Object> out = new LinkedHashMap<>();

        Map<String, Object> cold = new LinkedHashMap<>();
        for (JsonNode m : manifest.get("matrices")) {
            LinearOperator op = MatrixMarket.read(dir.resolve(m.get("file").asText()));
            double[] ref = doubles(m.get("top"));
            Map<String, Object> perMethod = new LinkedHashMap<>();
            for (String method : new String[] {"lanczos", "lobpcg", "power"}) {
                Map<String, Object> perK = new LinkedHashMap<>();
                for (int k : ks) {
                    double sum = 0;
                    boolean ok = true;
                    for (int s = 0; s < seeds && ok; s++) {
                        long best = cheapestCold(method, op, k, ref, acc, s, budget);
                        if (best < 0) ok = false;
                        sum += best;
                    }
                    perK.put(Integer.toString(k), ok ? sum / seeds : null);
                }
                perMethod.put(method, perK);
                System.err.println("cold " + m.get("name").asText() + " " + method + " " + perK);
            }
            cold.put(m.get("name").asText(), perMethod);
        }
        out.put("cold", cold);

        Map<String, Object> warm = new LinkedHashMap<>();
        for (JsonNode t : manifest.get("trajectories")) {
            List<LinearOperator> ops = new ArrayList<>();
            List<double[]> refs = new ArrayList<>();
            for (JsonNode f : t.get("files")) ops.add(MatrixMarket.read(dir.resolve(f.asText())));
            for (JsonNode r : t.get("tops")) refs.add(doubles(r));
            Map<String, Object> perMethod = new LinkedHashMap<>();
            for (String method : new String[] {"lobpcg", "lanczos", "power"}) {
                Map<String, Object> perK = new LinkedHashMap<>();
                for (int k : ks) {
                    double sum = 0;
                    boolean ok = true;
                    for (int s = 0; s < seeds && ok; s++) {
                        double best = cheapestWarm(method, ops, refs, k, acc, s, budget);
                        if (best < 0) ok = false;
                        sum += best;
                    }
                    perK.put(Integer.toString(k), ok ? sum / seeds : null);
                }
                perMethod.put(method, perK);
                System.err.println("warm " + t.get("name").asText() + " " + method + " " + perK);
            }
            warm.put(t.get("name").asText(), perMethod);
        }
        out.put("warm", warm);
        Json.writeJson(dir.resolve("java_results.json"), out);
    }

    /** Fewest products over the tolerance sweep that reach the accuracy; -1 if none does. */
    static long cheapestCold(String method, LinearOperator op, int k, double[] ref, double acc, long seed, long budget) {
        long best = -1;
        int after = 0;
        int exhausted = 0;
        for (double tol : TOLS) {
            CountingOperator c = new CountingOperator(op);
            EigenResult r = EigenSolver.named(method).solve(c, k, SolverOptions.defaults()
                    .withTol(tol).withSeed(seed).withMaxProducts(budget).withWantVectors(false));
            if (accurate(r.values(), ref, k, acc)) {
                if (best < 0 || c.products() < best) best = c.products();
                if (++after == 3) break; // tighter tolerances only cost more
                exhausted = 0;
            } else if (c.products() >= budget && ++exhausted == 2) {
                break; // out of budget twice running: tighter tolerances will not do better
            }
        }
        return best;
    }

    /**
     * Mean products per step along the trajectory (steps 1..T; step 0 is a cold start that
     * provides the first warm vectors and is not counted), for the cheapest fixed tolerance that
     * reaches the accuracy at every step; -1 if none does.
     */
    static double cheapestWarm(String method, List<LinearOperator> ops, List<double[]> refs, int k, double acc, long seed, long budget) {
        double best = -1;
        int after = 0;
        EigenResult start = new org.sharpscope.spectral.Lanczos().solve(ops.get(0), k,
                SolverOptions.defaults().withTol(1e-10).withSeed(seed));
        for (double tol : TOLS) {
            double[][] prev = start.vectors();
            long total = 0;
            boolean ok = true;
            for (int t = 1; t < ops.size() && ok; t++) {
                CountingOperator c = new CountingOperator(ops.get(t));
                EigenResult r = EigenSolver.named(method).solve(c, k, SolverOptions.defaults()
                        .withTol(tol).withSeed(seed + t).withMaxProducts(budget).withWarmStart(prev));
                total += c.products();
                ok = accurate(r.values(), refs.get(t), k, acc);
                prev = r.vectors();
                if (!ok && c.products() >= budget) return best;
            }
            if (ok) {
                double mean = (double) total / (ops.size() - 1);
                if (best < 0 || mean < best) best = mean;
                if (++after == 3) break;
            }
        }
        return best;
    }

    static boolean accurate(double[] got, double[] ref, int k, double acc) {
        if (got.length < k) return false;
        for (int i = 0; i < k; i++) {
            if (Math.abs(got[i] - ref[i]) > acc * Math.abs(ref[i])) return false;
        }
        return true;
    }

    static double[] doubles(JsonNode a) {
        double[] d = new double[a.size()];
        for (int i = 0; i < d.length; i++) d[i] = a.get(i).asDouble();
        return d;
    }
}
