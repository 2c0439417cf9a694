package io.epochdb.storage.catalog;

import io.epochdb.common.EpochException;
import io.epochdb.common.ErrorCode;
import io.epochdb.common.types.SqlType;
import java.util.List;

/**
 * TimescaleDB 2.x's rules for hypertables, with its errors worded and coded as TimescaleDB raises them (its
 * {@code hypertable.c}, {@code dimension.c}, {@code indexing.c} and {@code process_utility.c}).
 */
final class HypertableRules {
    private static final long USECS_PER_DAY = 86_400_000_000L;

    private HypertableRules() {
    }

    /** Only these types can be an open ("time") dimension without a partitioning function. */
    static boolean validTimeType(SqlType type) {
        return switch (type) {
            case TIMESTAMPTZ, TIMESTAMP, DATE, INT2, INT4, INT8 -> true;
            default -> false;
        };
    }

    static void checkTimeType(String column, SqlType type) {
        if (!validTimeType(type)) {
            throw new EpochException(ErrorCode.WRONG_OBJECT_TYPE, "invalid type for dimension \"" + column + "\"", null,
                "Use an integer, timestamp, or date type.", 0, null);
        }
    }

    /**
     * The chunk interval in the time column's internal unit must fit the column's type (an INT2 column cannot have
     * chunks wider than 32767) and, for DATE, be whole days.
     */
    static void checkChunkInterval(SqlType timeType, long interval) {
        long max = switch (timeType) {
            case INT2 -> Short.MAX_VALUE;
            case INT4 -> Integer.MAX_VALUE;
            default -> Long.MAX_VALUE;
        };
        if (interval < 1 || interval > max) {
            throw EpochException.of(ErrorCode.INVALID_PARAMETER_VALUE, "invalid interval: must be between 1 and %d", max);
        }
        if (timeType == SqlType.DATE && interval % USECS_PER_DAY != 0) {
            throw new EpochException(ErrorCode.INVALID_PARAMETER_VALUE, "invalid interval for date dimension", null,
                "Use an interval that is a multiple of one day.", 0, null);
        }
    }

    /** A unique index (or PRIMARY KEY / UNIQUE constraint) on a hypertable must include the time column. */
    static void checkUniqueColumns(String timeColumn, List<String> indexColumns) {
        if (!indexColumns.contains(timeColumn)) {
            throw new EpochException(ErrorCode.TS_BAD_HYPERTABLE_INDEX_DEFINITION,
                "cannot create a unique index without the column \"" + timeColumn + "\" (used in partitioning)", null,
                "If you're creating a hypertable on a table with a primary key, ensure the partitioning column is part"
                    + " of the primary or composite key.", 0, null);
        }
    }

    static EpochException alreadyHypertable(String table) {
        return EpochException.of(ErrorCode.TS_HYPERTABLE_EXISTS, "table \"%s\" is already a hypertable", table);
    }

    static EpochException notAHypertable(String table) {
        return EpochException.of(ErrorCode.TS_HYPERTABLE_NOT_EXIST, "table \"%s\" is not a hypertable", table);
    }

    static EpochException notEmpty(String table) {
        return new EpochException(ErrorCode.FEATURE_NOT_SUPPORTED, "table \"" + table + "\" is not empty", null,
            "You can migrate data by specifying 'migrate_data => true' when calling this function.", 0, null);
    }

    /** create_hypertable on a view (or anything but a plain table). */
    static EpochException invalidRelationType() {
        return new EpochException(ErrorCode.WRONG_OBJECT_TYPE, "invalid relation type");
    }

    static EpochException cannotDropTimeColumn() {
        return new EpochException(ErrorCode.INVALID_TABLE_DEFINITION, "cannot drop column named in partition key",
            "Cannot drop column that is a hypertable partitioning (space or time) dimension.", null, 0, null);
    }

    static EpochException cannotDropTimeNotNull() {
        return new EpochException(ErrorCode.TS_OPERATION_NOT_SUPPORTED,
            "cannot drop not-null constraint from a time-partitioned column");
    }
}
