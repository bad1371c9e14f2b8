package org.sharpscope.study.reproduce;

/** One unit of a reproduction (one task run or a short series of them), counted by the progress bar. */
public record Step(String section, String label, Runnable action) {
}
