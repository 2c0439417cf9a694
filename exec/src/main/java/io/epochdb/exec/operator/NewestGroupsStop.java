package io.epochdb.exec.operator;

import io.epochdb.storage.table.LongValues;
import java.util.Objects;
import org.apache.arrow.vector.FieldVector;

/**
 * Early stop for {@code GROUP BY k ... ORDER BY k DESC LIMIT n}, where k is the time column or a bucket of it
 * ({@code time_bucket}, {@code date_bin}, {@code date_trunc}: the start of the bucket holding the time, so never after it) and the
 * scan reads parts newest first. Once n groups have keys that every unread row's time is below, no unread row can
 * fall in those groups or in any larger one: they are complete and they are the top n, so the rest is not read.
 * Keys and times share the column's encoding (microseconds, days or integers; see {@link LongValues}).
 */
public final class NewestGroupsStop implements HashAggregateOperator.EarlyStop {
    private final int key;
    private final long wanted;
    private final OrderedPartSource scan;

    /**
     * @param key the position of k among the GROUP BY keys
     * @param wanted OFFSET + LIMIT: how many top groups must be complete
     * @param scan the scan below, reading parts by the time column, largest maximum first
     */
    public NewestGroupsStop(int key, long wanted, OrderedPartSource scan) {
        if (wanted < 1) {
            throw new IllegalArgumentException("wanted must be positive: " + wanted);
        }
        this.key = key;
        this.wanted = wanted;
        this.scan = Objects.requireNonNull(scan, "scan");
    }

    @Override
    public boolean enough(HashAggregateOperator aggregate) {
        if (aggregate.groupCount() < wanted || wanted > Integer.MAX_VALUE) {
            return false;
        }
        long[] top = largestKeys(aggregate.groupKeyValues(key), (int) wanted);
        return top != null && scan.restComesAfter(top[0]);
    }

    /**
     * The {@code n} largest non-NULL keys as a min-heap (the smallest of them, the bound, at index 0), or null when
     * there are fewer: O(groups log n), so checking after every batch stays cheap.
     */
    static long[] largestKeys(FieldVector v, int n) {
        long[] heap = new long[n];
        int size = 0;
        for (int g = 0; g < v.getValueCount(); g++) {
            if (v.isNull(g)) {
                continue;
            }
            long x = LongValues.get(v, g);
            if (size < n) {
                heap[size] = x;
                siftUp(heap, size++);
            } else if (x > heap[0]) {
                heap[0] = x;
                siftDown(heap, n);
            }
        }
        return size < n ? null : heap;
    }

    private static void siftUp(long[] heap, int i) {
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (heap[parent] <= heap[i]) {
                return;
            }
            long t = heap[parent];
            heap[parent] = heap[i];
            heap[i] = t;
            i = parent;
        }
    }

    private static void siftDown(long[] heap, int size) {
        int i = 0;
        while (true) {
            int l = 2 * i + 1;
            int smallest = i;
            if (l < size && heap[l] < heap[smallest]) {
                smallest = l;
            }
            if (l + 1 < size && heap[l + 1] < heap[smallest]) {
                smallest = l + 1;
            }
            if (smallest == i) {
                return;
            }
            long t = heap[smallest];
            heap[smallest] = heap[i];
            heap[i] = t;
            i = smallest;
        }
    }
}
