package org.sharpscope.spark;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.sharpscope.cli.Sharpscope;

/**
 * Entry point for spark-submit: {@code SparkSweep run SPEC --out DIR [--resume] [--master URL]}
 * is {@code sharpscope sweep run ... --runner spark}; {@code plan} and {@code collect} pass
 * through unchanged.
 */
public final class SparkSweep {
    private SparkSweep() {}

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs the sweep verb in {@code args} and returns the exit code. */
    public static int execute(String... args) {
        List<String> a = new ArrayList<>();
        a.add("sweep");
        a.addAll(Arrays.asList(args));
        if (args.length > 0 && args[0].equals("run") && !a.contains("--runner")) {
            a.add("--runner");
            a.add("spark");
        }
        return Sharpscope.execute(a.toArray(String[]::new));
    }
}
