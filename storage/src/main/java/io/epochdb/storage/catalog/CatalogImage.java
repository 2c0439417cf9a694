package io.epochdb.storage.catalog;

import java.util.List;
import java.util.Objects;

/**
 * Everything a {@link MemoryCatalog} holds, as one immutable value: what the durable storage writes to its log after
 * every catalog change and in checkpoints, and rebuilds the catalog from on start ({@link MemoryCatalog#image()},
 * {@link MemoryCatalog#restore(CatalogImage)}, {@link CatalogImageCodec} for bytes).
 *
 * <p>Lists are in a stable order (by oid, by hypertable id, by (oid, subId) for comments) so that two images of the
 * same catalog are {@code equals}.
 *
 * @param schemas every schema, the built-in ones included
 * @param relations every table and view with columns, constraints, view text and owner
 * @param indexes every index
 * @param roles every role with its password verifier
 * @param comments every COMMENT ON
 * @param nextAttnums the next attnum per table or view (attnums are never reused after DROP COLUMN)
 * @param nextOid the next OID the catalog hands out
 * @param nextHypertableId the next hypertable id (ids are never reused)
 * @param hypertables every hypertable definition
 */
public record CatalogImage(List<SchemaDef> schemas, List<TableDef> relations, List<IndexDef> indexes,
                           List<RoleDef> roles, List<Comment> comments, List<AttnumCounter> nextAttnums, int nextOid,
                           int nextHypertableId, List<HypertableDef> hypertables) {
    public CatalogImage {
        schemas = List.copyOf(Objects.requireNonNull(schemas, "schemas"));
        relations = List.copyOf(Objects.requireNonNull(relations, "relations"));
        indexes = List.copyOf(Objects.requireNonNull(indexes, "indexes"));
        roles = List.copyOf(Objects.requireNonNull(roles, "roles"));
        comments = List.copyOf(Objects.requireNonNull(comments, "comments"));
        nextAttnums = List.copyOf(Objects.requireNonNull(nextAttnums, "nextAttnums"));
        hypertables = List.copyOf(Objects.requireNonNull(hypertables, "hypertables"));
    }

    /** A {@code pg_description} row: {@code subId} is the column's attnum for a column comment, else 0. */
    public record Comment(int objectOid, int subId, String text) {
        public Comment {
            Objects.requireNonNull(text, "text");
        }
    }

    /** The attnum the next ADD COLUMN on table {@code tableOid} gets. */
    public record AttnumCounter(int tableOid, int nextAttnum) {
    }
}
