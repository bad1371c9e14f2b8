package org.sharpscope.study.reproduce;

import java.util.List;

/** Where a reproduction puts things: section ids (also their sub-directories), titles and key run names. */
public final class Layout {
    private Layout() {}

    public static final String REGIMES = "1-regimes";
    public static final String VECTOR_FIELD = "2-vector-field";
    public static final String COLLAPSE = "3-collapse";
    public static final String CHAOS = "4-route-to-chaos";
    public static final String PHASE = "5-phase-diagram";
    public static final String NETWORKS = "6-networks";
    public static final String NETWORK_SWEEPS = "7-network-sweeps";
    public static final String NETWORK_CHAOS = "8-network-chaos";

    /** Section ids in report order. */
    public static final List<String> SECTIONS = List.of(REGIMES, VECTOR_FIELD, COLLAPSE, CHAOS, PHASE, NETWORKS, NETWORK_SWEEPS,
            NETWORK_CHAOS);

    public static String title(String section) {
        return switch (section) {
            case REGIMES -> "1. UV model: the regimes of a trajectory";
            case VECTOR_FIELD -> "2. UV model: the vector field of function updates";
            case COLLAPSE -> "3. UV model: collapse onto the EoS manifold";
            case CHAOS -> "4. UV model: bifurcation diagram and the route to chaos";
            case PHASE -> "5. UV model: phase diagram of regimes";
            case NETWORKS -> "6. Real networks: regimes and the edge of stability";
            case NETWORK_SWEEPS -> "7. Real networks: phase diagram and bifurcation diagram";
            case NETWORK_CHAOS -> "8. Real networks: the route to chaos";
            default -> section;
        };
    }

    /** Section 1: the persistent-EoS run whose period-2 orbit is set against the closed form. */
    public static final String PERSISTENT_EOS = "persistent-eos";
    /** Section 4 run names. */
    public static final String DOUBLINGS = "doublings";
    public static final String BIFURCATION = "bifurcation";
    public static final String BIFURCATION_FULL = "bifurcation-full-map";
    public static final String LYAPUNOV_PREFIX = "lyapunov-";
    public static final String ETA_C_PREFIX = "eta-c/";
}
