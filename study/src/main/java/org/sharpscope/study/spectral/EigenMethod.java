package org.sharpscope.study.spectral;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import org.sharpscope.spectral.EigenSolver;

/** The eigensolvers a task offers for extreme eigenvalues from products alone. */
public enum EigenMethod {
    LANCZOS, LOBPCG, POWER;

    /** The flag and config spelling: "lanczos", "lobpcg", "power". */
    @JsonValue
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public EigenSolver solver() {
        return EigenSolver.named(key());
    }

    @Override
    public String toString() {
        return key();
    }
}
