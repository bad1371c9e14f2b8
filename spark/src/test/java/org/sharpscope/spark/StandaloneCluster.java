package org.sharpscope.spark;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A Spark standalone cluster on 127.0.0.1 started by {@code spark/cluster.sh} in a directory of
 * its own (a master and workers, each a JVM), and applications submitted to it through
 * spark-submit's main class, {@code org.apache.spark.deploy.SparkSubmit}, in client mode: the
 * driver is one more JVM, the executors are the workers' children. Needs {@code mvn package}
 * first (the jars in {@code target/lib}, {@code target/sharpscope-spark.jar} and the test jar).
 */
final class StandaloneCluster implements AutoCloseable {
    static final Path MODULE = Path.of("").toAbsolutePath();
    static final Path SPARK_JAR = MODULE.resolve("target/sharpscope-spark.jar");
    static final Path TESTS_JAR = MODULE.resolve("target/sharpscope-spark-tests.jar");

    private final Path state;
    private final String masterUrl;

    private StandaloneCluster(Path state, String masterUrl) {
        this.state = state;
        this.masterUrl = masterUrl;
    }

    /** Starts a master and {@code workers} workers of one core each; their pids, logs and directories go to {@code state}. */
    static StandaloneCluster start(Path state, int workers) throws IOException, InterruptedException {
        for (Path p : List.of(SPARK_JAR, TESTS_JAR, MODULE.resolve("target/lib"))) {
            if (!Files.exists(p)) throw new IllegalStateException(p + " is missing: run the cluster tests after package (mvn verify)");
        }
        ProcessBuilder pb = new ProcessBuilder("bash", MODULE.resolve("cluster.sh").toString(), "start", String.valueOf(workers));
        pb.environment().put("SHARPSCOPE_CLUSTER_DIR", state.toString());
        pb.redirectErrorStream(true);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) throw new IllegalStateException("cluster.sh start failed:\n" + out);
        List<String> lines = out.strip().lines().toList();
        String url = lines.get(lines.size() - 1);
        if (!url.matches("spark://127\\.0\\.0\\.1:\\d+")) throw new IllegalStateException("no master URL on the last line:\n" + out);
        return new StandaloneCluster(state, url);
    }

    String masterUrl() {
        return masterUrl;
    }

    Path sparkHome() {
        return state.resolve("spark-home");
    }

    /**
     * The jars an application ships with {@code --jars}: the spark module's libraries that the
     * cluster's Spark lacks (the program's modules and the native libraries), and the runner.
     */
    List<String> applicationJars() throws IOException {
        Set<String> spark;
        try (Stream<Path> s = Files.list(sparkHome().resolve("jars"))) {
            spark = s.map(p -> p.getFileName().toString()).collect(Collectors.toSet());
        }
        List<String> jars = new ArrayList<>();
        try (Stream<Path> s = Files.list(MODULE.resolve("target/lib"))) {
            for (Path j : s.sorted().toList()) if (!spark.contains(j.getFileName().toString())) jars.add(j.toString());
        }
        jars.add(SPARK_JAR.toString());
        return jars;
    }

    /**
     * Starts {@code spark-submit --class mainClass ... primaryJar args}, its output in {@code log};
     * {@code conf} are {@code key=value} settings ({@code --conf}).
     */
    Process submit(Path log, String mainClass, Path primaryJar, List<String> conf, String... args) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(javaOptions());
        cmd.addAll(List.of("-Xmx512m", "-cp", sparkHome().resolve("jars") + "/*", "org.apache.spark.deploy.SparkSubmit",
                "--master", masterUrl, "--deploy-mode", "client", "--class", mainClass, "--jars", String.join(",", applicationJars())));
        for (String c : conf) {
            cmd.add("--conf");
            cmd.add(c);
        }
        cmd.add(primaryJar.toString());
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("SPARK_HOME", sparkHome().toString());
        pb.environment().put("SPARK_SCALA_VERSION", "2.13");
        pb.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
        return pb.start();
    }

    /** Waits for a submitted application to end; its exit code, or a failure with its log's tail after {@code minutes}. */
    static int await(Process driver, Path log, int minutes) throws IOException, InterruptedException {
        if (!driver.waitFor(minutes, TimeUnit.MINUTES)) {
            driver.destroyForcibly().waitFor();
            throw new AssertionError("the driver did not end within " + minutes + " min; log:\n" + tail(log));
        }
        return driver.exitValue();
    }

    static String tail(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
    }

    /** The driver's own measure of its sweep, from "ran N cells in S s": S. */
    static double sweepSeconds(Path log) throws IOException {
        Matcher m = Pattern.compile("ran \\d+ cells in ([0-9.]+) s").matcher(Files.readString(log));
        if (!m.find()) throw new AssertionError("no 'ran N cells in S s' in the driver's log:\n" + tail(log));
        return Double.parseDouble(m.group(1));
    }

    long workerPid(int worker) throws IOException {
        return Long.parseLong(Files.readString(state.resolve("worker-" + worker + ".pid")).strip());
    }

    /** Kills worker {@code worker} and its executors with SIGKILL and waits until they are gone. */
    void killWorker(int worker) throws IOException {
        ProcessHandle w = ProcessHandle.of(workerPid(worker)).orElseThrow(() -> new AssertionError("worker " + worker + " is not running"));
        List<ProcessHandle> doomed = new ArrayList<>(w.descendants().toList());
        doomed.add(0, w);
        if (doomed.size() < 2) throw new AssertionError("worker " + worker + " has no executor to kill");
        doomed.forEach(ProcessHandle::destroyForcibly);
        doomed.forEach(p -> p.onExit().join());
    }

    /** The running executors of any application: the JVMs whose working directory is a worker's. */
    List<ProcessHandle> executors() {
        return ProcessHandle.allProcesses().filter(p -> {
            try {
                return Files.readSymbolicLink(Path.of("/proc", String.valueOf(p.pid()), "cwd")).startsWith(state);
            } catch (IOException | UnsupportedOperationException | SecurityException e) {
                return false;
            }
        }).toList();
    }

    /** How many tasks the executors under worker {@code worker} finished, over all applications (their logs). */
    long tasksFinishedOn(int worker) throws IOException {
        Path dir = state.resolve("worker-" + worker);
        if (!Files.isDirectory(dir)) return 0;
        long n = 0;
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path log : s.filter(p -> p.getFileName().toString().equals("stderr")).toList()) {
                n += Files.readAllLines(log).stream().filter(l -> l.contains("Finished task")).count();
            }
        }
        return n;
    }

    static List<String> javaOptions() throws IOException {
        return Files.readAllLines(MODULE.resolve("java-options")).stream().filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
    }

    @Override
    public void close() throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder("bash", MODULE.resolve("cluster.sh").toString(), "stop").redirectErrorStream(true);
        pb.environment().put("SHARPSCOPE_CLUSTER_DIR", state.toString());
        Process p = pb.start();
        p.getInputStream().readAllBytes();
        p.waitFor();
    }
}
