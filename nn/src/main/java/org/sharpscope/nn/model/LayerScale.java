package org.sharpscope.nn.model;

/**
 * How one weight layer is initialised and used: entries are drawn from N(0, initStd²) and the
 * forward pass uses {@code multiplier · W}.
 */
public record LayerScale(double initStd, double multiplier) {}
