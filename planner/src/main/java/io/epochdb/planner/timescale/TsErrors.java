package io.epochdb.planner.timescale;

import io.epochdb.common.EpochException;
import io.epochdb.common.ErrorCode;

/** Errors worded and coded as TimescaleDB 2.x raises them. */
final class TsErrors {
    private TsErrors() {
    }

    static EpochException notHypertable(String table) {
        return EpochException.of(ErrorCode.TS_HYPERTABLE_NOT_EXIST, "table \"%s\" is not a hypertable", table);
    }

    static EpochException invalidTimeArgument(String argType, String timeType) {
        return new EpochException(ErrorCode.INVALID_PARAMETER_VALUE,
            "invalid time argument type \"" + argType + "\"", null,
            "Try casting the argument to \"" + timeType + "\".", 0, null);
    }

    static EpochException invalidIntervalType(String intervalType, String dimensionType, boolean integerDimension) {
        return new EpochException(ErrorCode.INVALID_PARAMETER_VALUE,
            "invalid interval type for " + dimensionType + " dimension", null,
            integerDimension ? "Use an interval of type integer."
                : "Use an interval of type integer or interval.", 0, null);
    }

    static EpochException integerIntervalRequired() {
        return new EpochException(ErrorCode.INVALID_PARAMETER_VALUE, "integer dimensions require an explicit interval");
    }

    static EpochException intervalOutOfRange() {
        return new EpochException(ErrorCode.INVALID_PARAMETER_VALUE,
            "invalid interval: must be between 1 and 9223372036854775807");
    }

    static EpochException noDropBounds() {
        return new EpochException(ErrorCode.INVALID_PARAMETER_VALUE, "invalid time range for dropping chunks", null,
            "At least one of older_than and newer_than must be provided.", 0, null);
    }

    static EpochException nullArgument(String parameter) {
        return EpochException.of(ErrorCode.INVALID_PARAMETER_VALUE, "%s cannot be NULL", parameter);
    }

    static EpochException noSuchFunction(String signature) {
        return new EpochException(ErrorCode.UNDEFINED_FUNCTION, "function " + signature + " does not exist", null,
            "No function matches the given name and argument types. You might need to add explicit type casts.", 0, null);
    }

    static EpochException noSuchParameter(String function, String parameter) {
        return new EpochException(ErrorCode.UNDEFINED_FUNCTION,
            "function " + function + "(" + parameter + " => ...) does not exist", null,
            "No function matches the given name and argument types. You might need to add explicit type casts.", 0, null);
    }
}
