package io.epochdb.planner.timescale;

import io.epochdb.common.EpochException;
import io.epochdb.common.ErrorCode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A TimescaleDB function's parameter list, for binding a call's positional and named arguments the way
 * PostgreSQL does: positional first, then names; unknown names, too many arguments or a missing required one
 * mean no such function (42883).
 */
final class Signature {
    private final String function;
    private final List<String> parameters;
    private final int required;
    /** Older spellings TimescaleDB 1.x/2.0 used for the same parameter (main_table for relation ...). */
    private final Map<String, String> aliases = new HashMap<>();

    Signature(String function, int required, String... parameters) {
        this.function = Objects.requireNonNull(function, "function");
        this.parameters = List.of(parameters);
        this.required = required;
    }

    Signature alias(String oldName, String parameter) {
        aliases.put(oldName, parameter);
        return this;
    }

    /** The call's arguments by parameter name (absent ones are missing from the map). */
    Map<String, FunctionCall.Arg> bind(FunctionCall call) {
        Map<String, FunctionCall.Arg> out = new HashMap<>();
        int position = 0;
        boolean named = false;
        for (FunctionCall.Arg a : call.args()) {
            if (a.name() == null) {
                if (named) {
                    throw new EpochException(ErrorCode.SYNTAX_ERROR,
                        "positional argument cannot follow named argument");
                }
                if (position >= parameters.size()) {
                    throw TsErrors.noSuchFunction(describe(call));
                }
                out.put(parameters.get(position++), a);
            } else {
                named = true;
                String p = aliases.getOrDefault(a.name(), a.name());
                if (!parameters.contains(p)) {
                    throw TsErrors.noSuchParameter(function, a.name());
                }
                if (out.put(p, a) != null) {
                    throw new EpochException(ErrorCode.SYNTAX_ERROR,
                        "argument name \"" + a.name() + "\" used more than once");
                }
            }
        }
        for (int i = 0; i < required; i++) {
            if (!out.containsKey(parameters.get(i))) {
                throw TsErrors.noSuchFunction(describe(call));
            }
        }
        return out;
    }

    /** PostgreSQL's "fn(unknown, unknown)"-style description of a call that matches no signature. */
    private static String describe(FunctionCall call) {
        List<String> parts = new ArrayList<>();
        for (FunctionCall.Arg a : call.args()) {
            parts.add(a.name() == null ? "unknown" : a.name() + " => unknown");
        }
        return call.name() + "(" + String.join(", ", parts) + ")";
    }
}
