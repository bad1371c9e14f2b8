package org.sharpscope.nn.model;

/** Where a weight layer sits; parameterizations scale the input, hidden and output layers differently. */
public enum LayerRole { INPUT, HIDDEN, OUTPUT }
