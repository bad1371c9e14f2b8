package org.sharpscope.study.nn;

import org.sharpscope.nn.Dtype;

/** What {@code data export} wrote: the shapes of {@code inputs} and {@code targets}, their dtype, and whether {@code labels} are there. */
public record DataExportSummary(long[] inputs, long[] targets, Dtype dtype, boolean labels) {}
