package io.epochdb.pgwire.types;

import io.epochdb.common.types.SqlType;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** Small type facts the protocol needs: OIDs for RowDescription/ParameterDescription and the session time zone. */
public final class PgTypes {
    private PgTypes() {
    }

    /** The OID to describe a parameter or column with; unknown/undetermined types are described as text. */
    public static int describeOid(SqlType t) {
        return t == null || t == SqlType.UNKNOWN ? SqlType.TEXT.oid() : t.oid();
    }

    /** The declared type of a Parse parameter OID: null for 0 (infer) or an OID we do not know. */
    public static SqlType declared(int oid) {
        return oid == 0 ? null : SqlType.byOid(oid);
    }

    /**
     * The session's TimeZone setting as a ZoneId, read the way the engine's settings read it (IANA ids, short ids,
     * then PostgreSQL's POSIX-style names); UTC when missing or not understood.
     */
    public static ZoneId zone(String timeZoneSetting) {
        if (timeZoneSetting == null || timeZoneSetting.isBlank()) {
            return ZoneOffset.UTC;
        }
        String v = timeZoneSetting.trim();
        if (v.equalsIgnoreCase("utc") || v.equalsIgnoreCase("gmt") || v.equalsIgnoreCase("z")) {
            return ZoneId.of("UTC");
        }
        try {
            return ZoneId.of(v);
        } catch (DateTimeException e) {
            try {
                return ZoneId.of(v, ZoneId.SHORT_IDS);
            } catch (DateTimeException e2) {
                ZoneId z = io.epochdb.exec.time.Zones.resolvePosix(v);
                return z != null ? z : ZoneOffset.UTC;
            }
        }
    }
}
