package io.epochdb.exec.gapfill;

import io.epochdb.common.types.SqlType;
import java.util.List;

/**
 * Which argument of a {@code time_bucket_gapfill} call is which, by PostgreSQL's overload resolution over
 * TimescaleDB's signatures: (bucket_width, ts [, timezone] [, start [, finish]]) where a text third argument
 * (also an untyped string literal, which PostgreSQL resolves to the text overload) selects the timezone form,
 * and the six-argument form (bucket_width, ts, timezone, start, finish, origin) the planner writes for named
 * arguments. Indexes are -1 when the argument is absent.
 */
public record GapfillArguments(int width, int ts, int timezone, int start, int finish, int origin) {
    public static GapfillArguments of(List<SqlType> types) {
        int n = types.size();
        boolean zoneForm = n >= 3 && (n == 6 || isText(types.get(2)));
        if (n < 2 || n > 6) {
            return null;
        }
        if (zoneForm) {
            return new GapfillArguments(0, 1, 2, n > 3 ? 3 : -1, n > 4 ? 4 : -1, n > 5 ? 5 : -1);
        }
        return new GapfillArguments(0, 1, -1, n > 2 ? 2 : -1, n > 3 ? 3 : -1, n > 4 ? 4 : -1);
    }

    private static boolean isText(SqlType t) {
        return t.isText() || t == SqlType.UNKNOWN;
    }
}
