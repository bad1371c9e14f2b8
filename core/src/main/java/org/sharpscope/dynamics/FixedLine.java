package org.sharpscope.dynamics;

import java.util.List;

/**
 * A straight line of fixed points of F^p (such as the UV line of minima Δf = 0) inside the search
 * box, from {@code from} to {@code to}, split into segments of constant transverse stability.
 * The multiplier along the line is 1; {@code transverse} labels the others.
 */
public record FixedLine(int period, double[] from, double[] to, double[] direction, List<Segment> segments) {
    /** A piece of the line with one stability label; {@code admissible} for the whole piece. */
    public record Segment(double[] from, double[] to, Stability transverse, boolean admissible) {
    }
}
