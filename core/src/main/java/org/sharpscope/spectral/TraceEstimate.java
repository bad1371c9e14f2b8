package org.sharpscope.spectral;

/**
 * A stochastic estimate of tr(A): the value, its standard error (from the spread of the probe
 * samples; 0 when the estimate is exact), and the number of operator products used.
 */
public record TraceEstimate(double value, double standardError, long products) {}
