package org.sharpscope.dynamics;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.ejml.data.Complex_F64;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/** One eigenvalue (Floquet multiplier) of a map's Jacobian, possibly complex. */
public record Multiplier(double re, double im) {
    public double modulus() {
        return Math.hypot(re, im);
    }

    /** The eigenvalues of the row-major d×d matrix {@code jac}, largest modulus first. */
    public static List<Multiplier> of(double[] jac, int d) {
        List<Multiplier> out = new ArrayList<>(d);
        if (d == 1) {
            out.add(new Multiplier(jac[0], 0));
        } else if (d == 2) {
            double tr = jac[0] + jac[3];
            double det = jac[0] * jac[3] - jac[1] * jac[2];
            double half = tr / 2;
            double disc = half * half - det;
            if (disc >= 0) {
                // Stable root pair: avoid cancellation in half − sqrt(disc).
                double s = Math.sqrt(disc);
                double big = half >= 0 ? half + s : half - s;
                double small = big != 0 ? det / big : 0;
                out.add(new Multiplier(big, 0));
                out.add(new Multiplier(small, 0));
            } else {
                double s = Math.sqrt(-disc);
                out.add(new Multiplier(half, s));
                out.add(new Multiplier(half, -s));
            }
        } else {
            EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(d, false);
            if (!eig.decompose(new DMatrixRMaj(d, d, true, jac))) {
                throw new ArithmeticException("eigen-decomposition failed");
            }
            for (int i = 0; i < d; i++) {
                Complex_F64 c = eig.getEigenvalue(i);
                out.add(new Multiplier(c.real, c.imaginary));
            }
        }
        out.sort(Comparator.comparingDouble(Multiplier::modulus).reversed());
        return out;
    }
}
