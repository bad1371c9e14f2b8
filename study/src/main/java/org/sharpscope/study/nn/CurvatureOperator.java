package org.sharpscope.study.nn;

import com.fasterxml.jackson.annotation.JsonValue;
import org.sharpscope.nn.hessian.GaussNewtonOperator;
import org.sharpscope.nn.hessian.HessianOperator;
import org.sharpscope.nn.hessian.TrainingObjective;
import org.sharpscope.spectral.LinearOperator;

/** The curvature matrix of the training loss whose eigenvalues {@code sharpness} finds. */
public enum CurvatureOperator {
    HESSIAN("hessian"), GAUSS_NEWTON("gauss-newton");

    private final String key;

    CurvatureOperator(String key) {
        this.key = key;
    }

    /** The flag and config spelling: "hessian" or "gauss-newton". */
    @JsonValue
    public String key() {
        return key;
    }

    /** This operator of {@code objective}, applied by exact products. */
    public LinearOperator of(TrainingObjective objective) {
        return this == HESSIAN ? new HessianOperator(objective) : new GaussNewtonOperator(objective);
    }

    @Override
    public String toString() {
        return key;
    }
}
