package org.sharpscope.study;

/**
 * Progress of long work (training steps, sweep cells, reproduction tasks). The command line
 * draws it as a terminal bar; everything else passes {@link #NONE}.
 */
public interface Progress {
    /** Starts a phase named {@code name} of {@code total} units. */
    void start(String name, long total);

    /** {@code done} of the phase's units are complete; {@code message} (may be null) says how it goes. */
    void update(long done, String message);

    /** The phase is over. */
    void finish();

    Progress NONE = new Progress() {
        @Override
        public void start(String name, long total) {}

        @Override
        public void update(long done, String message) {}

        @Override
        public void finish() {}
    };
}
