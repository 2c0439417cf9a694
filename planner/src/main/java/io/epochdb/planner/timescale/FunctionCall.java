package io.epochdb.planner.timescale;

import io.epochdb.planner.parse.Token;
import java.util.List;
import java.util.Objects;

/**
 * A function call as written: its lower-case name and its arguments, each positional or named
 * ({@code name => value}), kept as tokens until the function binds and evaluates them.
 */
public record FunctionCall(String name, List<Arg> args) {
    public FunctionCall {
        Objects.requireNonNull(name, "name");
        args = List.copyOf(Objects.requireNonNull(args, "args"));
    }

    /**
     * One argument.
     *
     * @param name the parameter name for {@code name => value}, or null when positional
     * @param tokens the value expression
     * @param nested the value when it is itself a dimension builder call ({@code by_range(...)}), else null
     */
    public record Arg(String name, List<Token> tokens, FunctionCall nested) {
        public Arg {
            tokens = List.copyOf(Objects.requireNonNull(tokens, "tokens"));
        }
    }
}
