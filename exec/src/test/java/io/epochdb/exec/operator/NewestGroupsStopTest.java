package io.epochdb.exec.operator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.IntVector;
import org.junit.jupiter.api.Test;

/** The bound an early stop compares unread parts with: the n-th largest non-NULL group key. */
class NewestGroupsStopTest {
    @Test
    void nthLargestKeyIgnoresNullsAndKeepsDuplicates() {
        try (BufferAllocator a = new RootAllocator(); BigIntVector v = new BigIntVector("k", a)) {
            long[] values = {50, 10, 90, 70, 30, 90, 20};
            v.allocateNew(values.length + 2);
            for (int i = 0; i < values.length; i++) {
                v.set(i, values[i]);
            }
            v.setNull(values.length);
            v.set(values.length + 1, -5);
            v.setValueCount(values.length + 2);
            assertEquals(90, NewestGroupsStop.largestKeys(v, 1)[0]);
            assertEquals(90, NewestGroupsStop.largestKeys(v, 2)[0]);
            assertEquals(70, NewestGroupsStop.largestKeys(v, 3)[0]);
            assertEquals(10, NewestGroupsStop.largestKeys(v, 7)[0]);
            assertEquals(-5, NewestGroupsStop.largestKeys(v, 8)[0]);
            assertNull(NewestGroupsStop.largestKeys(v, 9)); // one NULL: only 8 keys
        }
    }

    @Test
    void intKeysAsWell() {
        try (BufferAllocator a = new RootAllocator(); IntVector v = new IntVector("d", a)) {
            v.allocateNew(1000);
            for (int i = 0; i < 1000; i++) {
                v.set(i, (i * 7919) % 1000 - 500);
            }
            v.setValueCount(1000);
            assertEquals(495, NewestGroupsStop.largestKeys(v, 5)[0]);
        }
    }
}
