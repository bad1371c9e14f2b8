package org.sharpscope.study.nn;

/** How {@code --subset N} picks its examples: N/classes per class drawn with the seed, or the first N. */
public enum SubsetMode {
    STRATIFIED, FIRST
}
