package org.sharpscope.study.reproduce;

/**
 * How big a reproduction is: {@code quick} (minutes, for tests and a first look), {@code standard}
 * (the default) and {@code full} (paper scale). Each constant fixes every size the sections use.
 */
public enum ReproduceMode {
    QUICK(1000, 4000, 64, 1000, 1000, 100_000, new int[] {60, 45}, 2000, 20_000, 10),
    STANDARD(10_000, 6000, 256, 4000, 1000, 200_000, new int[] {120, 90}, 3000, 40_000, 12),
    FULL(100_000, 10_000, 1024, 20_000, 2000, 1_000_000, new int[] {240, 180}, 4000, 40_000, 14);

    /** Width of the UV nets of section 1 drawn in NTP and μP. */
    final int uvWidth;
    /** Steps of the UV trajectories of sections 1 and 3. */
    final int uvSteps;
    /** Longest period followed by the doubling cascade. */
    final int maxPeriod;
    /** η/η_c values of the bifurcation scan. */
    final int bifurcationPoints;
    /** Recorded iterates per value of the bifurcation scan. */
    final int bifurcationRecord;
    /** Steps averaged for each Lyapunov exponent. */
    final int lyapunovSteps;
    /** Phase-diagram grid (cells along x, along f₀/y). */
    final int[] phaseGrid;
    /** GD steps per phase-diagram cell. */
    final int phaseSteps;
    /** Steps of each GD run of the η_c bisection. */
    final int bisectionSteps;
    /** Halvings of the η_c bracket. */
    final int bisections;

    ReproduceMode(int uvWidth, int uvSteps, int maxPeriod, int bifurcationPoints, int bifurcationRecord,
                  int lyapunovSteps, int[] phaseGrid, int phaseSteps, int bisectionSteps, int bisections) {
        this.uvWidth = uvWidth;
        this.uvSteps = uvSteps;
        this.maxPeriod = maxPeriod;
        this.bifurcationPoints = bifurcationPoints;
        this.bifurcationRecord = bifurcationRecord;
        this.lyapunovSteps = lyapunovSteps;
        this.phaseGrid = phaseGrid;
        this.phaseSteps = phaseSteps;
        this.bisectionSteps = bisectionSteps;
        this.bisections = bisections;
    }

    /** The name used on the command line and in reproduce.json. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
