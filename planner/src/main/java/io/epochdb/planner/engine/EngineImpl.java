package io.epochdb.planner.engine;

import io.epochdb.planner.Engine;
import java.nio.file.Path;

/** The engine implementation (being written). */
public final class EngineImpl {
    private EngineImpl() {
    }

    public static Engine open(Path dataDirectory) {
        throw new UnsupportedOperationException("not yet");
    }
}
