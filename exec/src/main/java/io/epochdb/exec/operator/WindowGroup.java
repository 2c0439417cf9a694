package io.epochdb.exec.operator;

import java.util.List;
import java.util.Objects;

/** Window calls sharing one PARTITION BY, ORDER BY and frame. */
public record WindowGroup(int[] partitionKeys, List<SortKey> orderKeys, boolean rows, FrameBound lower,
                          FrameBound upper, List<WindowCall> calls) {
    public WindowGroup {
        partitionKeys = partitionKeys == null ? new int[0] : partitionKeys.clone();
        orderKeys = List.copyOf(orderKeys == null ? List.of() : orderKeys);
        Objects.requireNonNull(lower, "lower");
        Objects.requireNonNull(upper, "upper");
        calls = List.copyOf(Objects.requireNonNull(calls, "calls"));
    }
}
