package org.sharpscope.spark;

/** {@link SparkSweep} for the test task {@link LogisticMapTask}: the main class the cluster tests submit. */
public final class LogisticSparkSweep {
    private LogisticSparkSweep() {}

    public static void main(String[] args) {
        System.exit(SparkSweep.execute(LogisticMapTask::named, args));
    }
}
