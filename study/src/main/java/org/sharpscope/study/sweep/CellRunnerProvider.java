package org.sharpscope.study.sweep;

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

    /**
     * Where a sweep's index lives on this machine and the runner of its cells: for a sweep at a
     * URI, a staging directory and a runner that mirrors it to the URI.
     */
    record RemoteSweep(java.nio.file.Path staging, CellRunner runner) {}

    /** The sweep at {@code uri} for reading and for writing what {@code collect} makes; null when unsupported. */
    default SweepStore store(String uri) {
        return null;
    }

    /** The sweep at {@code uri} through the first provider that reaches it, or a one-line error saying how to get one. */
    static SweepStore openStore(String uri) {
        for (CellRunnerProvider p : ServiceLoader.load(CellRunnerProvider.class)) {
            SweepStore s = p.store(uri);
            if (s != null) return s;
        }
        throw new UserInputException("reading a sweep at " + uri + " needs the spark module on the class path; "
                + "run it through ./sharpscope, which adds that module for URIs (see docs/sweep.md)");
    }

    /** True for {@code scheme://...} (hdfs://, s3a://, file://), where a remote runner writes; false for a plain path. */
    static boolean isUri(String out) {
        return out.matches("[A-Za-z][A-Za-z0-9+.-]*://.*");
    }

    /** The provider called {@code name}, or a one-line error saying how to get it. */
    static CellRunnerProvider find(String name) {
        for (CellRunnerProvider p : ServiceLoader.load(CellRunnerProvider.class)) {
            if (p.name().equals(name)) return p;
        }
        throw new UserInputException("the '" + name + "' runner is not on the class path; run the sweep through ./sharpscope, "
                + "which builds the spark module and adds it for --runner spark, or with spark-submit (see docs/sweep.md)");
    }
}
