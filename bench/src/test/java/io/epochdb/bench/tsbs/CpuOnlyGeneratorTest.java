package io.epochdb.bench.tsbs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CpuOnlyGeneratorTest {
    @Test
    void rowCountOrderAndBoundsFollowTsbs() {
        CpuOnlyGenerator g = new CpuOnlyGenerator(3, CpuOnlyGenerator.DEFAULT_START,
            CpuOnlyGenerator.DEFAULT_START.plus(Duration.ofMinutes(1)), 1);
        assertEquals(18, g.rowCount());
        long rows = 0;
        long start = CpuOnlyGenerator.DEFAULT_START.getEpochSecond();
        while (g.next()) {
            assertEquals(start + (rows / 3) * 10, g.epochSecond(), "every host at one timestamp, then the next");
            assertEquals("host_" + (rows % 3), g.host().hostname());
            for (int f = 0; f < 10; f++) {
                double v = g.value(f);
                assertTrue(v >= 0 && v <= 100 && v == Math.floor(v), "integral value in [0, 100]: " + v);
            }
            rows++;
        }
        assertEquals(18, rows);
        assertFalse(g.next());
    }

    @Test
    void sameSeedSameRowsOtherSeedOtherRows() {
        assertEquals(csv(7), csv(7));
        assertNotEquals(csv(7), csv(8));
    }

    @Test
    void oneDayOfAHundredHostsIsTheDefaultSize() {
        assertEquals(864_000, CpuOnlyGenerator.ofDays(100, 1).rowCount());
    }

    @Test
    void tagsComeFromTsbsValueSets() {
        CpuOnlyGenerator g = CpuOnlyGenerator.ofDays(1000, 1);
        Set<String> regions = new HashSet<>();
        for (Host h : g.hosts()) {
            boolean known = Host.REGIONS.stream().anyMatch(r -> r.get(0).equals(h.region())
                && r.subList(1, r.size()).contains(h.datacenter()));
            assertTrue(known, h.toString());
            assertTrue(Host.OSES.contains(h.os()) && Host.ARCHES.contains(h.arch()) && Host.TEAMS.contains(h.team())
                && Host.ENVIRONMENTS.contains(h.serviceEnvironment()), h.toString());
            int rack = Integer.parseInt(h.rack());
            int service = Integer.parseInt(h.service());
            int version = Integer.parseInt(h.serviceVersion());
            assertTrue(rack >= 0 && rack < 100 && service >= 0 && service < 20 && version >= 0 && version < 2);
            regions.add(h.region());
        }
        assertEquals(9, regions.size(), "a thousand hosts cover every region");
    }

    @Test
    void csvLineHasTimeTenTagsTenFields() {
        CpuOnlyGenerator g = new CpuOnlyGenerator(1, Instant.parse("2016-01-01T00:00:00Z"),
            Instant.parse("2016-01-01T00:00:10Z"), 3);
        assertTrue(g.next());
        StringBuilder line = new StringBuilder();
        g.appendCsv(line);
        String[] cells = line.toString().strip().split(",", -1);
        assertEquals(21, cells.length, line.toString());
        assertEquals("2016-01-01 00:00:00+00", cells[0]);
        assertEquals("host_0", cells[1]);
        assertEquals(String.valueOf((long) g.value(0)), cells[11]);
        assertEquals(1 + 10 + 10, CpuOnlyGenerator.columnDefinitions().split(",").length);
    }

    private static String csv(long seed) {
        CpuOnlyGenerator g = new CpuOnlyGenerator(5, CpuOnlyGenerator.DEFAULT_START,
            CpuOnlyGenerator.DEFAULT_START.plus(Duration.ofHours(1)), seed);
        StringBuilder out = new StringBuilder();
        while (g.next()) {
            g.appendCsv(out);
        }
        return out.toString();
    }
}
