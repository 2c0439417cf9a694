package io.epochdb.planner.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Catalog queries captured from real clients (psql 15 with -E, pgjdbc 42.7 with log_statement=all against
 * PostgreSQL 15), kept verbatim in test resources: one query per block, blocks separated by "----", each headed
 * by a "-- label" line; {@code :oid} stands for the described table's OID.
 */
final class ClientQueries {
    private ClientQueries() {
    }

    static Map<String, String> load(String resource, int oid) {
        String text;
        try (InputStream in = ClientQueries.class.getResourceAsStream(resource)) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (String block : text.split("\n----\n")) {
            String b = block.strip();
            int nl = b.indexOf('\n');
            String label = b.substring(3, nl).strip();
            String sql = b.substring(nl + 1).replace(":oid", Integer.toString(oid));
            String key = label;
            for (int n = 2; out.containsKey(key); n++) {
                key = label + " #" + n;
            }
            out.put(key, sql);
        }
        return out;
    }

    static List<String> labels(Map<String, String> queries, String prefix) {
        List<String> out = new ArrayList<>();
        for (String k : queries.keySet()) {
            if (k.startsWith(prefix)) {
                out.add(k);
            }
        }
        return out;
    }
}
