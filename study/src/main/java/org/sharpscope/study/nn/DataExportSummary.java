package org.sharpscope.study.nn;

import org.sharpscope.nn.Dtype;

/**
 * What {@code data export} wrote: the shapes of {@code inputs} and {@code targets}, their dtype,
 * whether {@code labels} are there, and the shape of {@code test_inputs} (null without held-out examples).
 */
public record DataExportSummary(long[] inputs, long[] targets, Dtype dtype, boolean labels, long[] testInputs) {}
