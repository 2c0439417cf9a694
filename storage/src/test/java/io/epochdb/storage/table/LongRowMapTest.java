package io.epochdb.storage.table;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LongRowMapTest {
    @Test
    void versionsAndRemoval() {
        LongRowMap m = new LongRowMap(1);
        assertEquals(0, m.rows(Long.MIN_VALUE).length);
        assertTrue(m.putIfAbsent(Long.MIN_VALUE, 5));
        assertFalse(m.putIfAbsent(Long.MIN_VALUE, 6));
        m.add(Long.MIN_VALUE, 7);
        m.add(Long.MIN_VALUE, 8);
        assertArrayEquals(new long[] {5, 7, 8}, m.rows(Long.MIN_VALUE));
        m.retain(Long.MIN_VALUE, new long[] {8}, 1);
        assertArrayEquals(new long[] {8}, m.rows(Long.MIN_VALUE));
        m.retain(Long.MIN_VALUE, new long[0], 0);
        assertFalse(m.contains(Long.MIN_VALUE));
        assertEquals(0, m.size());
    }

    @Test
    void matchesAHashMapUnderRandomChurn() {
        Random random = new Random(7);
        LongRowMap m = new LongRowMap(4);
        Map<Long, Long> expected = new HashMap<>();
        for (int i = 0; i < 200_000; i++) {
            long key = random.nextInt(5000) - 2500L;
            if (random.nextInt(3) == 0) {
                m.retain(key, new long[0], 0);
                expected.remove(key);
            } else if (!expected.containsKey(key)) {
                assertTrue(m.putIfAbsent(key, i));
                expected.put(key, (long) i);
            }
        }
        assertEquals(expected.size(), m.size());
        for (long key = -2500; key < 2500; key++) {
            Long v = expected.get(key);
            assertArrayEquals(v == null ? new long[0] : new long[] {v}, m.rows(key), "key " + key);
        }
    }
}
