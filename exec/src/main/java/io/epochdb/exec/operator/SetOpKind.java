package io.epochdb.exec.operator;

/** Set operations other than UNION (the planner builds UNION from UnionAll and HashAggregate). */
public enum SetOpKind {
    INTERSECT, EXCEPT
}
