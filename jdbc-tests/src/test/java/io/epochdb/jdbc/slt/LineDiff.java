package io.epochdb.jdbc.slt;

import java.util.List;

/** A unified-style line diff (longest common subsequence; the files are small) for readable mismatch reports. */
public final class LineDiff {
    private LineDiff() {
    }

    public static String diff(List<String> expected, List<String> actual) {
        int n = expected.size();
        int m = actual.size();
        int[][] lcs = new int[n + 1][m + 1];
        for (int i = n - 1; i >= 0; i--) {
            for (int j = m - 1; j >= 0; j--) {
                lcs[i][j] = expected.get(i).equals(actual.get(j)) ? lcs[i + 1][j + 1] + 1
                    : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        StringBuilder out = new StringBuilder("--- expected (PostgreSQL 15)\n+++ actual (EpochDB)\n");
        int i = 0;
        int j = 0;
        int lastPrinted = -1; // index into expected of the last context line shown
        while (i < n || j < m) {
            if (i < n && j < m && expected.get(i).equals(actual.get(j))) {
                i++;
                j++;
                continue;
            }
            // show up to 3 lines of context before a change
            for (int k = Math.max(Math.max(0, i - 3), lastPrinted + 1); k < i; k++) {
                out.append("  ").append(expected.get(k)).append('\n');
            }
            while (i < n || j < m) {
                if (i < n && j < m && expected.get(i).equals(actual.get(j))) {
                    break;
                }
                if (j < m && (i == n || lcs[i][j + 1] >= lcs[i + 1][j])) {
                    out.append("+ ").append(actual.get(j++)).append('\n');
                } else {
                    out.append("- ").append(expected.get(i++)).append('\n');
                }
            }
            lastPrinted = i - 1;
            out.append("  ...\n");
        }
        return out.toString();
    }
}
