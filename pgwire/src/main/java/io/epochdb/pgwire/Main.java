package io.epochdb.pgwire;

/** Entry point of the runnable jar (being written). */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.err.println("epochdb: not yet");
        System.exit(1);
    }
}
