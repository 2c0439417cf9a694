package io.epochdb.exec.scan;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** The table scans built for one execution, in plan order, for EXPLAIN's chunk and segment counts. */
public final class ScanRegistry {
    private final List<PrunableScan> scans = new CopyOnWriteArrayList<>();

    public void add(PrunableScan scan) {
        scans.add(scan);
    }

    public List<PrunableScan> all() {
        return List.copyOf(scans);
    }

    /** The first scan built from plan node {@code planNodeId}, or null. */
    public PrunableScan byPlanNode(int planNodeId) {
        for (PrunableScan s : scans) {
            if (s.planNodeId() == planNodeId) {
                return s;
            }
        }
        return null;
    }
}
