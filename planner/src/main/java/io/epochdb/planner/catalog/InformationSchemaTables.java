package io.epochdb.planner.catalog;

import static io.epochdb.planner.catalog.TableSpec.row;

import io.epochdb.common.types.ColumnType;
import io.epochdb.common.types.SqlType;
import io.epochdb.exec.types.RowType;
import io.epochdb.storage.catalog.Catalog;
import io.epochdb.storage.catalog.ColumnDef;
import io.epochdb.storage.catalog.ConstraintDef;
import io.epochdb.storage.catalog.SchemaDef;
import io.epochdb.storage.catalog.TableDef;
import java.util.ArrayList;
import java.util.List;

/** The SQL-standard information_schema views, built from the storage catalog. */
final class InformationSchemaTables {
    private InformationSchemaTables() {
    }

    private static TableSpec t(String name) {
        return new TableSpec("information_schema", name);
    }

    static void register(SystemCatalog sys) {
        sys.add(t("schemata").col("catalog_name", SqlType.NAME).col("schema_name", SqlType.NAME)
            .col("schema_owner", SqlType.NAME).col("default_character_set_catalog", SqlType.NAME)
            .col("default_character_set_schema", SqlType.NAME).col("default_character_set_name", SqlType.NAME)
            .col("sql_path", SqlType.TEXT), true, s -> {
                List<List<Object>> out = new ArrayList<>();
                for (SchemaDef d : s.context().storage().catalog().schemas()) {
                    out.add(row(s.context().currentDatabase(), d.name(), d.owner(), null, null, null, null));
                }
                return out;
            });
        sys.add(t("tables").col("table_catalog", SqlType.NAME).col("table_schema", SqlType.NAME)
            .col("table_name", SqlType.NAME).col("table_type", SqlType.TEXT)
            .col("self_referencing_column_name", SqlType.NAME).col("reference_generation", SqlType.TEXT)
            .col("user_defined_type_catalog", SqlType.NAME).col("user_defined_type_schema", SqlType.NAME)
            .col("user_defined_type_name", SqlType.NAME).col("is_insertable_into", SqlType.TEXT)
            .col("is_typed", SqlType.TEXT).col("commit_action", SqlType.TEXT), true, s -> {
                String db = s.context().currentDatabase();
                List<List<Object>> out = new ArrayList<>();
                for (TableDef td : s.context().storage().catalog().relations()) {
                    out.add(row(db, td.schema(), td.name(), td.isView() ? "VIEW" : "BASE TABLE", null, null, null, null,
                        null, td.isView() ? "NO" : "YES", "NO", null));
                }
                for (SystemCatalog.Entry e : sys.entries()) {
                    out.add(row(db, e.schema(), e.name(), e.view() ? "VIEW" : "BASE TABLE", null, null, null, null, null,
                        "NO", "NO", null));
                }
                return out;
            });
        sys.add(columnsSpec(), true, s -> columnsRows(s, sys));
        sys.add(t("table_constraints").col("constraint_catalog", SqlType.NAME).col("constraint_schema", SqlType.NAME)
            .col("constraint_name", SqlType.NAME).col("table_catalog", SqlType.NAME).col("table_schema", SqlType.NAME)
            .col("table_name", SqlType.NAME).col("constraint_type", SqlType.TEXT).col("is_deferrable", SqlType.TEXT)
            .col("initially_deferred", SqlType.TEXT).col("enforced", SqlType.TEXT).col("nulls_distinct", SqlType.TEXT),
            true, s -> {
                String db = s.context().currentDatabase();
                List<List<Object>> out = new ArrayList<>();
                for (TableDef td : s.context().storage().catalog().relations()) {
                    for (ConstraintDef k : td.constraints()) {
                        out.add(row(db, td.schema(), k.name(), db, td.schema(), td.name(),
                            k.isPrimaryKey() ? "PRIMARY KEY" : "UNIQUE", "NO", "NO", "YES", k.isPrimaryKey() ? null : "YES"));
                    }
                }
                return out;
            });
        sys.add(t("key_column_usage").col("constraint_catalog", SqlType.NAME).col("constraint_schema", SqlType.NAME)
            .col("constraint_name", SqlType.NAME).col("table_catalog", SqlType.NAME).col("table_schema", SqlType.NAME)
            .col("table_name", SqlType.NAME).col("column_name", SqlType.NAME).col("ordinal_position", SqlType.INT4)
            .col("position_in_unique_constraint", SqlType.INT4), true, s -> {
                String db = s.context().currentDatabase();
                List<List<Object>> out = new ArrayList<>();
                for (TableDef td : s.context().storage().catalog().relations()) {
                    for (ConstraintDef k : td.constraints()) {
                        int n = 1;
                        for (String col : k.columns()) {
                            out.add(row(db, td.schema(), k.name(), db, td.schema(), td.name(), col, n++, null));
                        }
                    }
                }
                return out;
            });
        sys.add(t("constraint_column_usage").col("table_catalog", SqlType.NAME).col("table_schema", SqlType.NAME)
            .col("table_name", SqlType.NAME).col("column_name", SqlType.NAME).col("constraint_catalog", SqlType.NAME)
            .col("constraint_schema", SqlType.NAME).col("constraint_name", SqlType.NAME), true, s -> {
                String db = s.context().currentDatabase();
                List<List<Object>> out = new ArrayList<>();
                for (TableDef td : s.context().storage().catalog().relations()) {
                    for (ConstraintDef k : td.constraints()) {
                        for (String col : k.columns()) {
                            out.add(row(db, td.schema(), td.name(), col, db, td.schema(), k.name()));
                        }
                    }
                }
                return out;
            });
        sys.empty(t("referential_constraints").col("constraint_catalog", SqlType.NAME)
            .col("constraint_schema", SqlType.NAME).col("constraint_name", SqlType.NAME)
            .col("unique_constraint_catalog", SqlType.NAME).col("unique_constraint_schema", SqlType.NAME)
            .col("unique_constraint_name", SqlType.NAME).col("match_option", SqlType.TEXT)
            .col("update_rule", SqlType.TEXT).col("delete_rule", SqlType.TEXT));
        sys.add(t("views").col("table_catalog", SqlType.NAME).col("table_schema", SqlType.NAME)
            .col("table_name", SqlType.NAME).col("view_definition", SqlType.TEXT).col("check_option", SqlType.TEXT)
            .col("is_updatable", SqlType.TEXT).col("is_insertable_into", SqlType.TEXT)
            .col("is_trigger_updatable", SqlType.TEXT).col("is_trigger_deletable", SqlType.TEXT)
            .col("is_trigger_insertable_into", SqlType.TEXT), true, s -> {
                String db = s.context().currentDatabase();
                List<List<Object>> out = new ArrayList<>();
                for (TableDef td : s.context().storage().catalog().relations()) {
                    if (td.isView()) {
                        out.add(row(db, td.schema(), td.name(), Definitions.viewDefinition(td), "NONE", "NO", "NO", "NO",
                            "NO", "NO"));
                    }
                }
                return out;
            });
        sys.empty(t("routines").col("specific_catalog", SqlType.NAME).col("specific_schema", SqlType.NAME)
            .col("specific_name", SqlType.NAME).col("routine_catalog", SqlType.NAME).col("routine_schema", SqlType.NAME)
            .col("routine_name", SqlType.NAME).col("routine_type", SqlType.TEXT).col("data_type", SqlType.TEXT)
            .col("type_udt_name", SqlType.NAME).col("routine_body", SqlType.TEXT).col("routine_definition", SqlType.TEXT)
            .col("external_language", SqlType.TEXT).col("is_deterministic", SqlType.TEXT));
        sys.empty(t("parameters").col("specific_catalog", SqlType.NAME).col("specific_schema", SqlType.NAME)
            .col("specific_name", SqlType.NAME).col("ordinal_position", SqlType.INT4).col("parameter_mode", SqlType.TEXT)
            .col("parameter_name", SqlType.NAME).col("data_type", SqlType.TEXT).col("udt_name", SqlType.NAME));
        sys.add(t("character_sets").col("character_set_catalog", SqlType.NAME).col("character_set_schema", SqlType.NAME)
            .col("character_set_name", SqlType.NAME).col("character_repertoire", SqlType.NAME)
            .col("form_of_use", SqlType.NAME).col("default_collate_catalog", SqlType.NAME)
            .col("default_collate_schema", SqlType.NAME).col("default_collate_name", SqlType.NAME), true,
            s -> List.of(row(null, null, "UTF8", "UCS", "UTF8", s.context().currentDatabase(), "pg_catalog", "C.UTF-8")));
    }

    private static TableSpec columnsSpec() {
        return t("columns").col("table_catalog", SqlType.NAME).col("table_schema", SqlType.NAME)
            .col("table_name", SqlType.NAME).col("column_name", SqlType.NAME).col("ordinal_position", SqlType.INT4)
            .col("column_default", SqlType.TEXT).col("is_nullable", SqlType.TEXT).col("data_type", SqlType.TEXT)
            .col("character_maximum_length", SqlType.INT4).col("character_octet_length", SqlType.INT4)
            .col("numeric_precision", SqlType.INT4).col("numeric_precision_radix", SqlType.INT4)
            .col("numeric_scale", SqlType.INT4).col("datetime_precision", SqlType.INT4)
            .col("interval_type", SqlType.TEXT).col("interval_precision", SqlType.INT4)
            .col("character_set_catalog", SqlType.NAME).col("character_set_schema", SqlType.NAME)
            .col("character_set_name", SqlType.NAME).col("collation_catalog", SqlType.NAME)
            .col("collation_schema", SqlType.NAME).col("collation_name", SqlType.NAME)
            .col("domain_catalog", SqlType.NAME).col("domain_schema", SqlType.NAME).col("domain_name", SqlType.NAME)
            .col("udt_catalog", SqlType.NAME).col("udt_schema", SqlType.NAME).col("udt_name", SqlType.NAME)
            .col("scope_catalog", SqlType.NAME).col("scope_schema", SqlType.NAME).col("scope_name", SqlType.NAME)
            .col("maximum_cardinality", SqlType.INT4).col("dtd_identifier", SqlType.NAME)
            .col("is_self_referencing", SqlType.TEXT).col("is_identity", SqlType.TEXT)
            .col("identity_generation", SqlType.TEXT).col("identity_start", SqlType.TEXT)
            .col("identity_increment", SqlType.TEXT).col("identity_maximum", SqlType.TEXT)
            .col("identity_minimum", SqlType.TEXT).col("identity_cycle", SqlType.TEXT).col("is_generated", SqlType.TEXT)
            .col("generation_expression", SqlType.TEXT).col("is_updatable", SqlType.TEXT);
    }

    private static List<Object> columnRow(String db, String schema, String table, String name, int position,
                                          String dflt, boolean notNull, ColumnType type, boolean updatable) {
        SqlType t = type.type();
        Integer charMax = (t == SqlType.VARCHAR || t == SqlType.BPCHAR) && type.precision() > 0 ? type.precision() : null;
        Integer octets = t == SqlType.TEXT || t == SqlType.VARCHAR || t == SqlType.BPCHAR
            ? (charMax != null ? charMax * 4 : 1073741824) : null;
        Integer precision = switch (t) {
            case INT2 -> 16;
            case INT4 -> 32;
            case INT8 -> 64;
            case FLOAT4 -> 24;
            case FLOAT8 -> 53;
            case NUMERIC -> type.precision() > 0 ? type.precision() : null;
            default -> null;
        };
        Integer radix = t == SqlType.NUMERIC ? Integer.valueOf(10) : precision != null ? 2 : null;
        Integer scale = t.isInteger() && t != SqlType.OID ? Integer.valueOf(0)
            : t == SqlType.NUMERIC && type.precision() > 0 ? type.scale() : null;
        Integer dtPrecision = t == SqlType.DATE ? Integer.valueOf(0)
            : t == SqlType.TIME || t == SqlType.TIMESTAMP || t == SqlType.TIMESTAMPTZ || t == SqlType.INTERVAL ? 6 : null;
        String udt = t.typname();
        return row(db, schema, table, name, position, dflt, notNull ? "NO" : "YES", PgTypes.dataType(type), charMax,
            octets, precision, radix, scale, dtPrecision, null, null, null, null, null, null, null, null, null, null,
            null, db, "pg_catalog", udt, null, null, null, null, String.valueOf(position), "NO", "NO", null, null, null,
            null, null, "NO", "NEVER", null, updatable ? "YES" : "NO");
    }

    private static List<List<Object>> columnsRows(CatalogSession s, SystemCatalog sys) {
        Catalog c = s.context().storage().catalog();
        String db = s.context().currentDatabase();
        List<List<Object>> out = new ArrayList<>();
        for (TableDef td : c.relations()) {
            for (ColumnDef col : td.columns()) {
                out.add(columnRow(db, td.schema(), td.name(), col.name(), col.attnum(), col.defaultSql(), col.notNull(),
                    col.type(), !td.isView()));
            }
        }
        for (SystemCatalog.Entry e : sys.entries()) {
            RowType rt = e.columns();
            for (int i = 0; i < rt.size(); i++) {
                out.add(columnRow(db, e.schema(), e.name(), rt.field(i).name(), i + 1, null, false, rt.type(i), false));
            }
        }
        return out;
    }
}
