package io.epochdb.storage.catalog;

import io.epochdb.common.EpochException;
import io.epochdb.common.ErrorCode;
import io.epochdb.common.types.SqlType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The catalog held in memory. Changes are serialized on this object's monitor and published into concurrent maps,
 * so lookups never lock. DDL is not transactional (see {@link Catalog}).
 *
 * <p>Every completed change ends in {@link #changed()}: the version goes up and {@link CatalogListener#catalogChanged()}
 * runs once, still under the monitor, so the durable storage can log {@link #image()} in change order. It rebuilds the
 * catalog on start with {@link #restore(CatalogImage)}.
 */
public final class MemoryCatalog implements Catalog {
    private static final String DEFAULT_INDEX_METHOD = "btree";

    private final CatalogListener listener;
    private final AtomicInteger nextOid = new AtomicInteger(FIRST_NORMAL_OID);
    private final AtomicLong version = new AtomicLong(1);

    private final Map<String, SchemaDef> schemasByName = new ConcurrentHashMap<>();
    private final Map<Integer, TableDef> relationsByOid = new ConcurrentHashMap<>();
    private final Map<Integer, IndexDef> indexesByOid = new ConcurrentHashMap<>();
    /** Tables, views and indexes share one namespace per schema: (schema, name) to oid. */
    private final Map<QualifiedName, Integer> relationNames = new ConcurrentHashMap<>();
    private final Map<String, RoleDef> rolesByName = new ConcurrentHashMap<>();
    private final Map<Long, String> comments = new ConcurrentHashMap<>();
    /** Next attnum per table: attnums are never reused after DROP COLUMN, as in PostgreSQL. Guarded by this. */
    private final Map<Integer, Integer> nextAttnum = new HashMap<>();
    /** Hypertable definitions by table oid. */
    private final Map<Integer, HypertableDef> hypertablesByTable = new ConcurrentHashMap<>();
    /** Hypertable ids are never reused, as TimescaleDB's come from a sequence. Guarded by this. */
    private int nextHypertableId = 1;

    private record QualifiedName(String schema, String name) {
    }

    public MemoryCatalog(CatalogListener listener) {
        this.listener = Objects.requireNonNull(listener, "listener");
        rolesByName.put(BOOTSTRAP_SUPERUSER, new RoleDef(BOOTSTRAP_SUPERUSER_OID, BOOTSTRAP_SUPERUSER, true, true, null));
        schemasByName.put("pg_catalog", new SchemaDef(PG_CATALOG_OID, "pg_catalog", BOOTSTRAP_SUPERUSER));
        schemasByName.put("public", new SchemaDef(PUBLIC_OID, "public", BOOTSTRAP_SUPERUSER));
        schemasByName.put("information_schema",
            new SchemaDef(INFORMATION_SCHEMA_OID, "information_schema", BOOTSTRAP_SUPERUSER));
    }

    public MemoryCatalog() {
        this(CatalogListener.NONE);
    }

    @Override
    public long version() {
        return version.get();
    }

    /**
     * An OID for an object the catalog does not hold (a chunk, a sequence...). The counter is part of the image, so
     * the listener hears {@link CatalogListener#catalogChanged()} and the OID is never handed out again after a
     * restart; the version stays, since nothing a caller caches depends on it.
     */
    @Override
    public synchronized int allocateOid() {
        int oid = newOid();
        listener.catalogChanged();
        return oid;
    }

    /** An OID for an object this catalog is creating; the change it belongs to ends in {@link #changed()}. */
    private int newOid() {
        return nextOid.getAndIncrement();
    }

    /** Ends every completed change, under the monitor: exactly once per change, never for a failed or no-op one. */
    private void changed() {
        version.incrementAndGet();
        listener.catalogChanged();
    }

    // ---------------------------------------------------------------- schemas

    @Override
    public synchronized SchemaDef createSchema(String name, String owner, boolean ifNotExists) {
        Objects.requireNonNull(name, "name");
        SchemaDef existing = schemasByName.get(name);
        if (existing != null) {
            if (ifNotExists) {
                return existing;
            }
            throw CatalogErrors.schemaExists(name);
        }
        SchemaDef s = new SchemaDef(newOid(), name, owner == null ? BOOTSTRAP_SUPERUSER : owner);
        schemasByName.put(name, s);
        changed();
        return s;
    }

    @Override
    public synchronized void dropSchema(String name, boolean ifExists, boolean cascade) {
        SchemaDef s = schemasByName.get(name);
        if (s == null) {
            if (ifExists) {
                return;
            }
            throw CatalogErrors.noSchema(name);
        }
        if (s.oid() < FIRST_NORMAL_OID && !name.equals("public")) {
            throw EpochException.of(ErrorCode.DEPENDENT_OBJECTS_STILL_EXIST,
                "cannot drop schema %s because it is required by the database system", name);
        }
        List<TableDef> members = relationsByOid.values().stream().filter(t -> t.schema().equals(name))
            .sorted(Comparator.comparingInt(TableDef::oid)).toList();
        if (!members.isEmpty() && !cascade) {
            StringBuilder detail = new StringBuilder();
            for (TableDef t : members) {
                if (detail.length() > 0) {
                    detail.append('\n');
                }
                detail.append(t.isView() ? "view " : "table ").append(t.qualifiedName()).append(" depends on schema ")
                    .append(name);
            }
            throw new EpochException(ErrorCode.DEPENDENT_OBJECTS_STILL_EXIST,
                "cannot drop schema " + name + " because other objects depend on it", detail.toString(),
                "Use DROP ... CASCADE to drop the dependent objects too.", 0, null);
        }
        for (TableDef t : members) {
            dropRelationData(t);
        }
        schemasByName.remove(name);
        comments.remove(commentKey(s.oid(), 0));
        changed();
    }

    @Override
    public Optional<SchemaDef> schema(String name) {
        return Optional.ofNullable(schemasByName.get(name));
    }

    @Override
    public Optional<SchemaDef> schemaByOid(int oid) {
        return schemasByName.values().stream().filter(s -> s.oid() == oid).findFirst();
    }

    @Override
    public List<SchemaDef> schemas() {
        return schemasByName.values().stream().sorted(Comparator.comparingInt(SchemaDef::oid)).toList();
    }

    private SchemaDef requireSchema(String name) {
        SchemaDef s = schemasByName.get(name);
        if (s == null) {
            throw CatalogErrors.noSchema(name);
        }
        return s;
    }

    // ---------------------------------------------------------------- tables and views

    @Override
    public synchronized TableDef createTable(String schema, String name, List<ColumnDef> columns,
                                             List<ConstraintDef> constraints, boolean ifNotExists, String owner) {
        requireSchema(schema);
        Integer existing = relationNames.get(new QualifiedName(schema, name));
        if (existing != null) {
            TableDef t = relationsByOid.get(existing);
            if (ifNotExists && t != null) {
                return t;
            }
            throw CatalogErrors.relationExists(name);
        }
        List<ColumnDef> cols = numberColumns(columns);
        int oid = newOid();
        TableDef def = new TableDef(oid, schema, name, TableDef.Kind.TABLE, cols, List.of(), null,
            owner == null ? BOOTSTRAP_SUPERUSER : owner);
        List<ConstraintDef> made = new ArrayList<>();
        List<IndexDef> indexes = new ArrayList<>();
        Set<String> namesTaken = new HashSet<>();
        namesTaken.add(name);
        for (ConstraintDef c : constraints) {
            if (c.isPrimaryKey() && made.stream().anyMatch(ConstraintDef::isPrimaryKey)) {
                throw EpochException.of(ErrorCode.INVALID_TABLE_DEFINITION,
                    "multiple primary keys for table \"%s\" are not allowed", name);
            }
            checkKeyColumns(def, c.columns());
            String cname = c.name() != null ? c.name() : chooseName(schema, name, c.columns(),
                c.isPrimaryKey() ? "pkey" : "key", namesTaken);
            if (!namesTaken.add(cname) || relationNames.containsKey(new QualifiedName(schema, cname))) {
                throw CatalogErrors.relationExists(cname);
            }
            ConstraintDef named = new ConstraintDef(newOid(), cname, c.type(), c.columns());
            made.add(named);
            indexes.add(new IndexDef(newOid(), schema, cname, oid, c.columns(), true, c.isPrimaryKey(),
                DEFAULT_INDEX_METHOD));
            if (c.isPrimaryKey()) {
                def = def.withColumns(markNotNull(def.columns(), c.columns()));
            }
        }
        def = def.withConstraints(made);
        listener.tableCreated(def);
        try {
            for (IndexDef ix : indexes) {
                listener.uniqueIndexCreated(def, ix);
            }
        } catch (RuntimeException e) {
            listener.tableDropped(def);
            throw e;
        }
        publishRelation(def);
        nextAttnum.put(oid, cols.size() + 1);
        for (IndexDef ix : indexes) {
            publishIndex(ix);
        }
        changed();
        return def;
    }

    private static List<ColumnDef> numberColumns(List<ColumnDef> columns) {
        Set<String> seen = new HashSet<>();
        List<ColumnDef> cols = new ArrayList<>(columns.size());
        for (ColumnDef c : columns) {
            if (!seen.add(c.name())) {
                throw CatalogErrors.duplicateColumn(c.name());
            }
            cols.add(c.withAttnum(cols.size() + 1));
        }
        return cols;
    }

    private static List<ColumnDef> markNotNull(List<ColumnDef> columns, List<String> names) {
        List<ColumnDef> out = new ArrayList<>(columns.size());
        for (ColumnDef c : columns) {
            out.add(names.contains(c.name()) ? c.withNotNull(true) : c);
        }
        return out;
    }

    private static void checkKeyColumns(TableDef def, List<String> columns) {
        Set<String> seen = new HashSet<>();
        for (String col : columns) {
            if (def.columnIndex(col) < 0) {
                throw EpochException.of(ErrorCode.UNDEFINED_COLUMN, "column \"%s\" named in key does not exist", col);
            }
            if (!seen.add(col)) {
                throw EpochException.of(ErrorCode.DUPLICATE_COLUMN, "column \"%s\" appears twice in primary key constraint", col);
            }
        }
    }

    /** PostgreSQL's ChooseRelationName: {@code table_col1_col2_label} ({@code table_pkey}), then label1, label2... */
    private String chooseName(String schema, String table, List<String> columns, String label, Set<String> alsoTaken) {
        StringBuilder base = new StringBuilder(table);
        for (String c : label.equals("pkey") ? List.<String>of() : columns) {
            base.append('_').append(c);
        }
        String stem = base.toString();
        for (int n = 0; ; n++) {
            String candidate = stem + "_" + label + (n == 0 ? "" : Integer.toString(n));
            if (!alsoTaken.contains(candidate) && !relationNames.containsKey(new QualifiedName(schema, candidate))) {
                return candidate;
            }
        }
    }

    private void publishRelation(TableDef def) {
        relationsByOid.put(def.oid(), def);
        relationNames.put(new QualifiedName(def.schema(), def.name()), def.oid());
    }

    private void publishIndex(IndexDef ix) {
        indexesByOid.put(ix.oid(), ix);
        relationNames.put(new QualifiedName(ix.schema(), ix.name()), ix.oid());
    }

    private void unpublishIndex(IndexDef ix) {
        indexesByOid.remove(ix.oid());
        relationNames.remove(new QualifiedName(ix.schema(), ix.name()));
        removeComments(ix.oid());
    }

    @Override
    public synchronized TableDef createView(String schema, String name, String sql, List<ColumnDef> columns,
                                            boolean orReplace, String owner) {
        requireSchema(schema);
        Objects.requireNonNull(sql, "sql");
        List<ColumnDef> cols = numberColumns(columns);
        Integer existingOid = relationNames.get(new QualifiedName(schema, name));
        if (existingOid != null) {
            TableDef existing = relationsByOid.get(existingOid);
            if (!orReplace) {
                throw CatalogErrors.relationExists(name);
            }
            if (existing == null || !existing.isView()) {
                throw EpochException.of(ErrorCode.WRONG_OBJECT_TYPE, "\"%s\" is not a view", name);
            }
            checkViewReplacement(existing, cols);
            TableDef def = new TableDef(existing.oid(), schema, name, TableDef.Kind.VIEW, cols, List.of(), sql,
                existing.owner());
            listener.tableAltered(def);
            publishRelation(def);
            changed();
            return def;
        }
        TableDef def = new TableDef(newOid(), schema, name, TableDef.Kind.VIEW, cols, List.of(), sql,
            owner == null ? BOOTSTRAP_SUPERUSER : owner);
        listener.tableCreated(def);
        publishRelation(def);
        nextAttnum.put(def.oid(), cols.size() + 1);
        changed();
        return def;
    }

    /** CREATE OR REPLACE VIEW may only add columns at the end, as in PostgreSQL. */
    private static void checkViewReplacement(TableDef existing, List<ColumnDef> cols) {
        if (cols.size() < existing.columns().size()) {
            throw new EpochException(ErrorCode.INVALID_TABLE_DEFINITION, "cannot drop columns from view");
        }
        for (int i = 0; i < existing.columns().size(); i++) {
            ColumnDef old = existing.columns().get(i);
            ColumnDef now = cols.get(i);
            if (!old.name().equals(now.name())) {
                throw EpochException.of(ErrorCode.INVALID_TABLE_DEFINITION,
                    "cannot change name of view column \"%s\" to \"%s\"", old.name(), now.name());
            }
            if (!old.type().equals(now.type())) {
                throw new EpochException(ErrorCode.INVALID_TABLE_DEFINITION,
                    "cannot change data type of view column \"" + old.name() + "\" from " + old.type().displayName()
                        + " to " + now.type().displayName());
            }
        }
    }

    @Override
    public synchronized void dropRelation(int oid) {
        TableDef def = relationsByOid.get(oid);
        if (def == null) {
            throw CatalogErrors.noRelationOid(oid);
        }
        dropRelationData(def);
        changed();
    }

    /** Removes a relation with everything hanging off it; part of a change that the caller completes. */
    private void dropRelationData(TableDef def) {
        int oid = def.oid();
        listener.tableDropped(def);
        for (IndexDef ix : indexes(oid)) {
            unpublishIndex(ix);
        }
        relationsByOid.remove(oid);
        relationNames.remove(new QualifiedName(def.schema(), def.name()));
        nextAttnum.remove(oid);
        hypertablesByTable.remove(oid);
        removeComments(oid);
    }

    @Override
    public Optional<TableDef> lookup(String schema, String name) {
        Integer oid = relationNames.get(new QualifiedName(schema, name));
        return oid == null ? Optional.empty() : Optional.ofNullable(relationsByOid.get(oid));
    }

    @Override
    public TableDef get(int oid) {
        TableDef t = relationsByOid.get(oid);
        if (t == null) {
            throw CatalogErrors.noRelationOid(oid);
        }
        return t;
    }

    @Override
    public Optional<TableDef> byOid(int oid) {
        return Optional.ofNullable(relationsByOid.get(oid));
    }

    @Override
    public List<TableDef> relations() {
        return relationsByOid.values().stream().sorted(Comparator.comparingInt(TableDef::oid)).toList();
    }

    private TableDef requireTable(int oid) {
        TableDef t = get(oid);
        if (t.isView()) {
            throw CatalogErrors.notATable(t.name());
        }
        return t;
    }

    @Override
    public TableDef addColumn(int oid, ColumnDef column) {
        return addColumn(oid, column, null);
    }

    @Override
    public synchronized TableDef addColumn(int oid, ColumnDef column, Object fillValue) {
        TableDef t = requireTable(oid);
        if (t.columnIndex(column.name()) >= 0) {
            throw CatalogErrors.columnExists(column.name(), t.name());
        }
        if (column.notNull() && fillValue == null && listener.hasRows(t)) {
            throw EpochException.of(ErrorCode.NOT_NULL_VIOLATION, "column \"%s\" of relation \"%s\" contains null values",
                column.name(), t.name());
        }
        int attnum = nextAttnum.getOrDefault(oid, t.columns().size() + 1);
        ColumnDef col = column.withAttnum(attnum);
        List<ColumnDef> cols = new ArrayList<>(t.columns());
        cols.add(col);
        TableDef def = t.withColumns(cols);
        listener.columnAdded(def, col, fillValue);
        nextAttnum.put(oid, attnum + 1);
        publishRelation(def);
        changed();
        return def;
    }

    @Override
    public synchronized TableDef dropColumn(int oid, String column) {
        TableDef t = requireTable(oid);
        if (isTimeColumn(oid, column)) {
            throw HypertableRules.cannotDropTimeColumn();
        }
        int pos = t.columnIndex(column);
        if (pos < 0) {
            throw CatalogErrors.noColumnOf(column, t.name());
        }
        ColumnDef col = t.columns().get(pos);
        List<ColumnDef> cols = new ArrayList<>(t.columns());
        cols.remove(pos);
        List<ConstraintDef> constraints = t.constraints().stream().filter(c -> !c.columns().contains(column)).toList();
        TableDef def = t.withColumns(cols).withConstraints(constraints);
        for (IndexDef ix : indexes(oid)) {
            if (ix.columns().contains(column)) {
                if (ix.unique()) {
                    listener.uniqueIndexDropped(def, ix);
                }
                unpublishIndex(ix);
            }
        }
        listener.columnDropped(def, col);
        comments.remove(commentKey(oid, col.attnum()));
        publishRelation(def);
        changed();
        return def;
    }

    @Override
    public synchronized TableDef renameColumn(int oid, String from, String to) {
        TableDef t = get(oid);
        int pos = t.columnIndex(from);
        if (pos < 0) {
            throw CatalogErrors.noColumn(from);
        }
        if (t.columnIndex(to) >= 0) {
            throw CatalogErrors.columnExists(to, t.name());
        }
        List<ColumnDef> cols = new ArrayList<>(t.columns());
        cols.set(pos, cols.get(pos).withName(to));
        List<ConstraintDef> constraints = t.constraints().stream()
            .map(c -> new ConstraintDef(c.oid(), c.name(), c.type(), rename(c.columns(), from, to))).toList();
        TableDef def = t.withColumns(cols).withConstraints(constraints);
        listener.tableAltered(def);
        HypertableDef hypertable = hypertablesByTable.get(oid);
        if (hypertable != null && hypertable.timeColumn().equals(from)) {
            hypertable = new HypertableDef(oid, hypertable.id(), to, hypertable.timeType(), hypertable.chunkInterval());
            listener.hypertableAltered(def, hypertable);
            hypertablesByTable.put(oid, hypertable);
        }
        for (IndexDef ix : indexes(oid)) {
            if (ix.columns().contains(from)) {
                IndexDef renamed = ix.withColumns(rename(ix.columns(), from, to));
                if (renamed.unique()) {
                    listener.uniqueIndexRenamed(def, renamed);
                }
                publishIndex(renamed);
            }
        }
        publishRelation(def);
        changed();
        return def;
    }

    private static List<String> rename(List<String> names, String from, String to) {
        return names.stream().map(n -> n.equals(from) ? to : n).toList();
    }

    @Override
    public synchronized TableDef renameRelation(int oid, String newName) {
        IndexDef ix = indexesByOid.get(oid);
        if (ix != null) {
            return renameIndex(ix, newName);
        }
        TableDef t = get(oid);
        if (relationNames.containsKey(new QualifiedName(t.schema(), newName))) {
            throw CatalogErrors.relationExists(newName);
        }
        TableDef def = t.withName(newName);
        listener.tableAltered(def);
        relationNames.remove(new QualifiedName(t.schema(), t.name()));
        publishRelation(def);
        changed();
        return def;
    }

    /** Renaming an index that backs a constraint renames the constraint too, as in PostgreSQL. */
    private TableDef renameIndex(IndexDef ix, String newName) {
        if (relationNames.containsKey(new QualifiedName(ix.schema(), newName))) {
            throw CatalogErrors.relationExists(newName);
        }
        TableDef t = get(ix.tableOid());
        List<ConstraintDef> constraints = t.constraints().stream()
            .map(c -> c.name().equals(ix.name()) ? new ConstraintDef(c.oid(), newName, c.type(), c.columns()) : c)
            .toList();
        TableDef def = t.withConstraints(constraints);
        IndexDef renamed = ix.withName(newName);
        listener.tableAltered(def);
        if (ix.unique()) {
            listener.uniqueIndexRenamed(def, renamed);
        }
        relationNames.remove(new QualifiedName(ix.schema(), ix.name()));
        publishIndex(renamed);
        publishRelation(def);
        changed();
        return def;
    }

    @Override
    public synchronized TableDef setColumnDefault(int oid, String column, String defaultSql) {
        TableDef t = requireTable(oid);
        int pos = t.columnIndex(column);
        if (pos < 0) {
            throw CatalogErrors.noColumnOf(column, t.name());
        }
        List<ColumnDef> cols = new ArrayList<>(t.columns());
        cols.set(pos, cols.get(pos).withDefaultSql(defaultSql));
        TableDef def = t.withColumns(cols);
        listener.tableAltered(def);
        publishRelation(def);
        changed();
        return def;
    }

    @Override
    public synchronized TableDef setColumnNotNull(int oid, String column, boolean notNull) {
        TableDef t = requireTable(oid);
        int pos = t.columnIndex(column);
        if (pos < 0) {
            throw CatalogErrors.noColumnOf(column, t.name());
        }
        ColumnDef col = t.columns().get(pos);
        if (!notNull && isTimeColumn(oid, column)) {
            throw HypertableRules.cannotDropTimeNotNull();
        }
        if (!notNull && t.primaryKey().map(pk -> pk.columns().contains(column)).orElse(false)) {
            throw EpochException.of(ErrorCode.INVALID_TABLE_DEFINITION, "column \"%s\" is in a primary key", column);
        }
        if (notNull && !col.notNull()) {
            listener.checkNoNulls(t, col);
        }
        List<ColumnDef> cols = new ArrayList<>(t.columns());
        cols.set(pos, col.withNotNull(notNull));
        TableDef def = t.withColumns(cols);
        listener.tableAltered(def);
        publishRelation(def);
        changed();
        return def;
    }

    @Override
    public synchronized TableDef addConstraint(int oid, ConstraintDef constraint) {
        TableDef t = requireTable(oid);
        if (constraint.isPrimaryKey() && t.primaryKey().isPresent()) {
            throw EpochException.of(ErrorCode.INVALID_TABLE_DEFINITION,
                "multiple primary keys for table \"%s\" are not allowed", t.name());
        }
        checkKeyColumns(t, constraint.columns());
        checkHypertableUnique(oid, constraint.columns());
        String cname = constraint.name() != null ? constraint.name()
            : chooseName(t.schema(), t.name(), constraint.columns(), constraint.isPrimaryKey() ? "pkey" : "key", Set.of());
        if (relationNames.containsKey(new QualifiedName(t.schema(), cname))) {
            throw CatalogErrors.relationExists(cname);
        }
        TableDef def = t;
        if (constraint.isPrimaryKey()) {
            for (String col : constraint.columns()) {
                ColumnDef c = t.columns().get(t.columnIndex(col));
                if (!c.notNull()) {
                    listener.checkNoNulls(t, c);
                }
            }
            def = def.withColumns(markNotNull(def.columns(), constraint.columns()));
        }
        ConstraintDef made = new ConstraintDef(newOid(), cname, constraint.type(), constraint.columns());
        List<ConstraintDef> constraints = new ArrayList<>(def.constraints());
        constraints.add(made);
        def = def.withConstraints(constraints);
        IndexDef ix = new IndexDef(newOid(), t.schema(), cname, oid, made.columns(), true, made.isPrimaryKey(),
            DEFAULT_INDEX_METHOD);
        listener.uniqueIndexCreated(def, ix);
        listener.tableAltered(def);
        publishIndex(ix);
        publishRelation(def);
        changed();
        return def;
    }

    @Override
    public synchronized TableDef dropConstraint(int oid, String constraintName, boolean ifExists) {
        TableDef t = requireTable(oid);
        Optional<ConstraintDef> c = t.constraint(constraintName);
        if (c.isEmpty()) {
            if (ifExists) {
                return t;
            }
            throw EpochException.of(ErrorCode.UNDEFINED_OBJECT, "constraint \"%s\" of relation \"%s\" does not exist",
                constraintName, t.name());
        }
        TableDef def = t.withConstraints(t.constraints().stream().filter(x -> x != c.get()).toList());
        for (IndexDef ix : indexes(oid)) {
            if (ix.name().equals(constraintName)) {
                listener.uniqueIndexDropped(def, ix);
                unpublishIndex(ix);
            }
        }
        listener.tableAltered(def);
        publishRelation(def);
        changed();
        return def;
    }

    // ---------------------------------------------------------------- indexes

    @Override
    public synchronized IndexDef createIndex(String schema, String name, int tableOid, List<String> columns,
                                             boolean unique, String method, boolean ifNotExists) {
        TableDef t = get(tableOid);
        if (t.isView()) {
            throw new EpochException(ErrorCode.WRONG_OBJECT_TYPE, "cannot create index on relation \"" + t.name() + "\"",
                "This operation is not supported for views.", null, 0, null);
        }
        // An index always lives in its table's schema, as in PostgreSQL (CREATE INDEX takes no schema name).
        String ixSchema = t.schema();
        if (name != null) {
            Integer existing = relationNames.get(new QualifiedName(ixSchema, name));
            if (existing != null) {
                IndexDef ix = indexesByOid.get(existing);
                if (ifNotExists && ix != null) {
                    return ix;
                }
                throw CatalogErrors.relationExists(name);
            }
        }
        for (String col : columns) {
            if (t.columnIndex(col) < 0) {
                throw CatalogErrors.noColumn(col);
            }
        }
        if (unique) {
            checkHypertableUnique(tableOid, columns);
        }
        String ixName = name != null ? name : chooseName(ixSchema, t.name(), columns, "idx", Set.of());
        IndexDef ix = new IndexDef(newOid(), ixSchema, ixName, tableOid, columns, unique, false,
            method == null ? DEFAULT_INDEX_METHOD : method);
        if (unique) {
            listener.uniqueIndexCreated(t, ix);
        }
        publishIndex(ix);
        changed();
        return ix;
    }

    @Override
    public synchronized void dropIndex(int oid) {
        IndexDef ix = indexesByOid.get(oid);
        if (ix == null) {
            throw CatalogErrors.noRelationOid(oid);
        }
        TableDef t = get(ix.tableOid());
        if (t.constraint(ix.name()).isPresent()) {
            throw new EpochException(ErrorCode.DEPENDENT_OBJECTS_STILL_EXIST,
                "cannot drop index " + ix.name() + " because constraint " + ix.name() + " on table " + t.name()
                    + " requires it", null,
                "You can drop constraint " + ix.name() + " on table " + t.name() + " instead.", 0, null);
        }
        if (ix.unique()) {
            listener.uniqueIndexDropped(t, ix);
        }
        unpublishIndex(ix);
        changed();
    }

    @Override
    public List<IndexDef> indexes(int tableOid) {
        return indexesByOid.values().stream().filter(ix -> ix.tableOid() == tableOid)
            .sorted(Comparator.comparingInt(IndexDef::oid)).toList();
    }

    @Override
    public List<IndexDef> indexes() {
        return indexesByOid.values().stream().sorted(Comparator.comparingInt(IndexDef::oid)).toList();
    }

    @Override
    public Optional<IndexDef> index(int oid) {
        return Optional.ofNullable(indexesByOid.get(oid));
    }

    @Override
    public Optional<IndexDef> lookupIndex(String schema, String name) {
        Integer oid = relationNames.get(new QualifiedName(schema, name));
        return oid == null ? Optional.empty() : Optional.ofNullable(indexesByOid.get(oid));
    }

    // ---------------------------------------------------------------- roles

    @Override
    public synchronized RoleDef createRole(String name, boolean login, boolean superuser, String passwordVerifier,
                                           boolean ifNotExists) {
        RoleDef existing = rolesByName.get(name);
        if (existing != null) {
            if (ifNotExists) {
                return existing;
            }
            throw CatalogErrors.roleExists(name);
        }
        RoleDef r = new RoleDef(newOid(), name, login, superuser, passwordVerifier);
        rolesByName.put(name, r);
        changed();
        return r;
    }

    @Override
    public synchronized RoleDef alterRole(String name, Boolean login, Boolean superuser,
                                          Optional<String> passwordVerifier) {
        RoleDef r = rolesByName.get(name);
        if (r == null) {
            throw CatalogErrors.noRole(name);
        }
        RoleDef altered = new RoleDef(r.oid(), r.name(), login == null ? r.login() : login,
            superuser == null ? r.superuser() : superuser,
            passwordVerifier == null ? r.passwordVerifier() : passwordVerifier.orElse(null));
        rolesByName.put(name, altered);
        changed();
        return altered;
    }

    @Override
    public synchronized RoleDef renameRole(String name, String newName) {
        RoleDef r = rolesByName.get(name);
        if (r == null) {
            throw CatalogErrors.noRole(name);
        }
        if (rolesByName.containsKey(newName)) {
            throw CatalogErrors.roleExists(newName);
        }
        if (r.oid() == BOOTSTRAP_SUPERUSER_OID) {
            throw new EpochException(ErrorCode.FEATURE_NOT_SUPPORTED, "session user cannot be renamed");
        }
        // PostgreSQL clears an MD5 password on rename; SCRAM verifiers do not depend on the name and stay.
        RoleDef renamed = new RoleDef(r.oid(), newName, r.login(), r.superuser(), r.passwordVerifier());
        rolesByName.remove(name);
        rolesByName.put(newName, renamed);
        changed();
        return renamed;
    }

    @Override
    public synchronized void dropRole(String name, boolean ifExists) {
        RoleDef r = rolesByName.get(name);
        if (r == null) {
            if (ifExists) {
                return;
            }
            throw CatalogErrors.noRole(name);
        }
        if (r.oid() == BOOTSTRAP_SUPERUSER_OID) {
            throw EpochException.of(ErrorCode.DEPENDENT_OBJECTS_STILL_EXIST,
                "cannot drop role %s because it is required by the database system", name);
        }
        List<String> owned = new ArrayList<>();
        schemas().stream().filter(s -> s.owner().equals(name)).forEach(s -> owned.add("owner of schema " + s.name()));
        relations().stream().filter(t -> t.owner().equals(name))
            .forEach(t -> owned.add("owner of " + (t.isView() ? "view " : "table ") + t.name()));
        if (!owned.isEmpty()) {
            throw new EpochException(ErrorCode.DEPENDENT_OBJECTS_STILL_EXIST,
                "role \"" + name + "\" cannot be dropped because some objects depend on it", String.join("\n", owned),
                null, 0, null);
        }
        rolesByName.remove(name);
        changed();
    }

    @Override
    public Optional<RoleDef> role(String name) {
        return Optional.ofNullable(rolesByName.get(name));
    }

    @Override
    public List<RoleDef> roles() {
        return rolesByName.values().stream().sorted(Comparator.comparingInt(RoleDef::oid)).toList();
    }

    // ---------------------------------------------------------------- comments

    private static long commentKey(int objectOid, int subId) {
        return ((long) objectOid << 32) | (subId & 0xffffffffL);
    }

    private void removeComments(int objectOid) {
        comments.keySet().removeIf(k -> (int) (k >>> 32) == objectOid);
    }

    @Override
    public synchronized void setComment(int objectOid, int subId, String text) {
        if (text == null || text.isEmpty()) {
            comments.remove(commentKey(objectOid, subId));
        } else {
            comments.put(commentKey(objectOid, subId), text);
        }
        changed();
    }

    @Override
    public Optional<String> comment(int objectOid, int subId) {
        return Optional.ofNullable(comments.get(commentKey(objectOid, subId)));
    }

    // ---------------------------------------------------------------- hypertables

    @Override
    public synchronized HypertableDef createHypertable(int tableOid, String timeColumn, long chunkInterval,
                                                       boolean ifNotExists, boolean migrateData) {
        Objects.requireNonNull(timeColumn, "timeColumn");
        TableDef t = get(tableOid);
        HypertableDef existing = hypertablesByTable.get(tableOid);
        if (existing != null) {
            if (ifNotExists) {
                return existing;
            }
            throw HypertableRules.alreadyHypertable(t.name());
        }
        // TimescaleDB's order of checks: relation kind, emptiness, the time column, then existing unique indexes.
        if (t.isView()) {
            throw HypertableRules.invalidRelationType();
        }
        boolean hasRows = listener.hasRows(t);
        if (hasRows && !migrateData) {
            throw HypertableRules.notEmpty(t.name());
        }
        int pos = t.columnIndex(timeColumn);
        if (pos < 0) {
            throw CatalogErrors.noColumn(timeColumn);
        }
        ColumnDef column = t.columns().get(pos);
        SqlType timeType = column.type().type();
        HypertableRules.checkTimeType(timeColumn, timeType);
        HypertableRules.checkChunkInterval(timeType, chunkInterval);
        for (IndexDef ix : indexes(tableOid)) {
            if (ix.unique()) {
                HypertableRules.checkUniqueColumns(timeColumn, ix.columns());
            }
        }
        // TimescaleDB makes the time column NOT NULL (with a notice the caller prints); migrated rows must comply.
        TableDef def = t;
        if (!column.notNull()) {
            if (hasRows) {
                listener.checkNoNulls(t, column);
            }
            List<ColumnDef> cols = new ArrayList<>(t.columns());
            cols.set(pos, column.withNotNull(true));
            def = t.withColumns(cols);
            listener.tableAltered(def);
        }
        HypertableDef hypertable = new HypertableDef(tableOid, nextHypertableId, timeColumn, timeType, chunkInterval);
        try {
            listener.hypertableCreated(def, hypertable, migrateData);
        } catch (RuntimeException e) {
            if (def != t) {
                listener.tableAltered(t);
            }
            throw e;
        }
        nextHypertableId++;
        hypertablesByTable.put(tableOid, hypertable);
        publishRelation(def);
        changed();
        return hypertable;
    }

    @Override
    public Optional<HypertableDef> hypertable(int tableOid) {
        return Optional.ofNullable(hypertablesByTable.get(tableOid));
    }

    @Override
    public List<HypertableDef> hypertables() {
        return hypertablesByTable.values().stream().sorted(Comparator.comparingInt(HypertableDef::id)).toList();
    }

    @Override
    public synchronized HypertableDef setChunkTimeInterval(int tableOid, long chunkInterval) {
        TableDef t = get(tableOid);
        HypertableDef hypertable = hypertablesByTable.get(tableOid);
        if (hypertable == null) {
            throw HypertableRules.notAHypertable(t.name());
        }
        HypertableRules.checkChunkInterval(hypertable.timeType(), chunkInterval);
        HypertableDef changedDef = hypertable.withChunkInterval(chunkInterval);
        listener.hypertableAltered(t, changedDef);
        hypertablesByTable.put(tableOid, changedDef);
        changed();
        return changedDef;
    }

    private boolean isTimeColumn(int tableOid, String column) {
        HypertableDef hypertable = hypertablesByTable.get(tableOid);
        return hypertable != null && hypertable.timeColumn().equals(column);
    }

    /** TS103 when a unique index or PRIMARY KEY / UNIQUE constraint on a hypertable leaves out its time column. */
    private void checkHypertableUnique(int tableOid, List<String> columns) {
        HypertableDef hypertable = hypertablesByTable.get(tableOid);
        if (hypertable != null) {
            HypertableRules.checkUniqueColumns(hypertable.timeColumn(), columns);
        }
    }

    // ---------------------------------------------------------------- persistence

    /** The whole catalog as one consistent value, for the durable storage to log. */
    public synchronized CatalogImage image() {
        List<CatalogImage.Comment> commentList = comments.entrySet().stream()
            .sorted(Map.Entry.comparingByKey())
            .map(e -> new CatalogImage.Comment((int) (e.getKey() >>> 32), (int) e.getKey().longValue(), e.getValue()))
            .toList();
        List<CatalogImage.AttnumCounter> counters = nextAttnum.entrySet().stream()
            .sorted(Map.Entry.comparingByKey())
            .map(e -> new CatalogImage.AttnumCounter(e.getKey(), e.getValue()))
            .toList();
        return new CatalogImage(schemas(), relations(), indexes(), roles(), commentList, counters, nextOid.get(),
            nextHypertableId, hypertables());
    }

    /**
     * Replaces the whole catalog with {@code image}, without telling the listener anything: the data layer rebuilds
     * itself from the same image. Meant for start-up, before sessions read the catalog (lock-free lookups may see a
     * half-restored catalog meanwhile). The version still goes up. Counters never go below what the image's
     * objects already use, so a restored catalog cannot hand out a taken OID, attnum or hypertable id.
     */
    public synchronized void restore(CatalogImage image) {
        Objects.requireNonNull(image, "image");
        schemasByName.clear();
        relationsByOid.clear();
        indexesByOid.clear();
        relationNames.clear();
        rolesByName.clear();
        comments.clear();
        nextAttnum.clear();
        hypertablesByTable.clear();

        int maxOid = FIRST_NORMAL_OID - 1;
        for (SchemaDef s : image.schemas()) {
            schemasByName.put(s.name(), s);
            maxOid = Math.max(maxOid, s.oid());
        }
        for (TableDef t : image.relations()) {
            publishRelation(t);
            maxOid = Math.max(maxOid, t.oid());
            int maxAttnum = 0;
            for (ColumnDef c : t.columns()) {
                maxAttnum = Math.max(maxAttnum, c.attnum());
            }
            nextAttnum.put(t.oid(), maxAttnum + 1);
            for (ConstraintDef c : t.constraints()) {
                maxOid = Math.max(maxOid, c.oid());
            }
        }
        for (IndexDef ix : image.indexes()) {
            publishIndex(ix);
            maxOid = Math.max(maxOid, ix.oid());
        }
        for (RoleDef r : image.roles()) {
            rolesByName.put(r.name(), r);
            maxOid = Math.max(maxOid, r.oid());
        }
        for (CatalogImage.Comment c : image.comments()) {
            comments.put(commentKey(c.objectOid(), c.subId()), c.text());
        }
        for (CatalogImage.AttnumCounter c : image.nextAttnums()) {
            nextAttnum.merge(c.tableOid(), c.nextAttnum(), Math::max);
        }
        int maxHypertableId = 0;
        for (HypertableDef h : image.hypertables()) {
            hypertablesByTable.put(h.tableOid(), h);
            maxHypertableId = Math.max(maxHypertableId, h.id());
        }
        nextOid.set(Math.max(image.nextOid(), maxOid + 1));
        nextHypertableId = Math.max(image.nextHypertableId(), maxHypertableId + 1);
        version.incrementAndGet();
    }
}
