package org.sharpscope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SharpscopeTest {
    @Test
    void unknownFlagIsAUsageError() {
        assertThat(Sharpscope.execute("--no-such-flag")).isEqualTo(Sharpscope.EXIT_USAGE);
    }

    @Test
    void helpAndVersionSucceed() {
        assertThat(Sharpscope.execute("--help")).isZero();
        assertThat(Sharpscope.execute("--version")).isZero();
    }
}
