package org.sharpscope.cli.reproduce;

/** One unit of a reproduction (one command or a short series of them), counted by the progress bar. */
record Task(String section, String label, Runnable action) {
}
