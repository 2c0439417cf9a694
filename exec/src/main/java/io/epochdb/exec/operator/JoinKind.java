package io.epochdb.exec.operator;

/** Join types; SEMI and ANTI output only the left columns. */
public enum JoinKind {
    INNER, LEFT, RIGHT, FULL, SEMI, ANTI
}
