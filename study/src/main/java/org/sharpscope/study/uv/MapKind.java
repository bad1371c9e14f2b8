package org.sharpscope.study.uv;

/** Which UV map a dynamics task iterates; lower case because these are the values users type. */
public enum MapKind {
    /** The 2-D dimensionless map on (x, ηλ), {@link org.sharpscope.uv.UvDimensionlessMap}. */
    full,
    /** The exact 1-D cubic on the EoS manifold Q = 0, {@link org.sharpscope.uv.EosManifoldMap}. */
    manifold
}
