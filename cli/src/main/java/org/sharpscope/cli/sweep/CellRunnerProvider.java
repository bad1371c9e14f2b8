package org.sharpscope.cli.sweep;

import java.util.ServiceLoader;
import org.sharpscope.UserInputException;

/**
 * A cell runner outside this module (such as Spark), registered as a {@link ServiceLoader}
 * service, so that {@code sweep run --runner NAME} works when that module's jar is on the class
 * path without the program depending on it.
 */
public interface CellRunnerProvider {
    /** The name given to {@code --runner}, e.g. "spark". */
    String name();

    /** A runner for the cluster at {@code master} (null: the runner's own default). */
    CellRunner create(String master);

    /**
     * A runner that writes the sweep to {@code uri} (such as {@code hdfs://...}) rather than a
     * local path: the sweep's index lives in a local staging directory (filled from the URI, for
     * resume) and the runner copies it and every cell to the URI. Null when unsupported.
     */
    default RemoteSweep remote(String master, String uri) {
        return null;
    }

    /** A staging directory for the sweep's index and the runner that mirrors it to a URI. */
    record RemoteSweep(java.nio.file.Path staging, CellRunner runner) {}

    /** The provider called {@code name}, or a one-line error saying how to get it. */
    static CellRunnerProvider find(String name) {
        for (CellRunnerProvider p : ServiceLoader.load(CellRunnerProvider.class)) {
            if (p.name().equals(name)) return p;
        }
        throw new UserInputException("the '" + name + "' runner is not on the class path; run the sweep with "
                + "'java -cp \"spark/target/lib/*:spark/target/sharpscope-spark.jar\" org.sharpscope.spark.SparkSweep run SPEC --out DIR --master URL' "
                + "or spark-submit (see docs/sweep.md)");
    }
}
