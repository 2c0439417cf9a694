package io.epochdb.planner.catalog;

import java.util.Map;

/** PostgreSQL's fixed OIDs for the built-in objects the catalog views show. */
final class Oids {
    private Oids() {
    }

    static final int PG_CATALOG = 11;
    static final int PUBLIC = 2200;
    static final int BOOTSTRAP_SUPERUSER = 10;
    static final int DEFAULT_TABLESPACE = 1663;
    static final int GLOBAL_TABLESPACE = 1664;
    static final int DEFAULT_COLLATION = 100;
    static final int C_COLLATION = 950;
    static final int PLPGSQL_LANGUAGE = 13;
    static final int INTERNAL_LANGUAGE = 12;
    static final int SQL_LANGUAGE = 14;

    static final int DB_TEMPLATE1 = 1;
    static final int DB_TEMPLATE0 = 4;
    static final int DB_POSTGRES = 5;

    /** Relation OIDs of catalog tables (pg_description.classoid, 'pg_class'::regclass ...). */
    static final int PG_CLASS = 1259;
    static final int PG_NAMESPACE = 2615;
    static final int PG_PROC = 1255;
    static final int PG_TYPE = 1247;
    static final int PG_CONSTRAINT = 2606;
    static final int PG_DATABASE = 1262;
    static final int PG_AUTHID = 1260;

    static final Map<String, Integer> SYSTEM_RELATIONS = Map.ofEntries(
        Map.entry("pg_type", PG_TYPE), Map.entry("pg_attribute", 1249), Map.entry("pg_proc", PG_PROC),
        Map.entry("pg_class", PG_CLASS), Map.entry("pg_authid", PG_AUTHID), Map.entry("pg_auth_members", 1261),
        Map.entry("pg_database", PG_DATABASE), Map.entry("pg_namespace", PG_NAMESPACE), Map.entry("pg_index", 2610),
        Map.entry("pg_constraint", PG_CONSTRAINT), Map.entry("pg_attrdef", 2604), Map.entry("pg_description", 2609),
        Map.entry("pg_am", 2601), Map.entry("pg_tablespace", 1213), Map.entry("pg_inherits", 2611),
        Map.entry("pg_trigger", 2620), Map.entry("pg_rewrite", 2618), Map.entry("pg_policy", 3256),
        Map.entry("pg_statistic_ext", 3381), Map.entry("pg_collation", 3456), Map.entry("pg_extension", 3079),
        Map.entry("pg_shdescription", 2396), Map.entry("pg_sequence", 2224), Map.entry("pg_language", 2612),
        Map.entry("pg_depend", 2608), Map.entry("pg_shdepend", 1214), Map.entry("pg_event_trigger", 3466),
        Map.entry("pg_foreign_table", 3118), Map.entry("pg_publication", 6104), Map.entry("pg_publication_rel", 6106),
        Map.entry("pg_publication_namespace", 6237), Map.entry("pg_operator", 2617), Map.entry("pg_enum", 3501),
        Map.entry("pg_range", 3541), Map.entry("pg_cast", 2605), Map.entry("pg_opclass", 2616),
        Map.entry("pg_partitioned_table", 3350), Map.entry("pg_foreign_data_wrapper", 2328),
        Map.entry("pg_foreign_server", 1417), Map.entry("pg_user_mapping", 1418), Map.entry("pg_conversion", 2607),
        Map.entry("pg_aggregate", 2600), Map.entry("pg_statistic", 2619), Map.entry("pg_default_acl", 826),
        Map.entry("pg_init_privs", 3394), Map.entry("pg_seclabel", 3596), Map.entry("pg_db_role_setting", 2964));

    /** Access methods by name: table AM heap and the index AMs. */
    static final Map<String, Integer> ACCESS_METHODS = Map.of("heap", 2, "btree", 403, "hash", 405, "gist", 783,
        "gin", 2742, "spgist", 4000, "brin", 3580);

    static int accessMethod(String name) {
        return ACCESS_METHODS.getOrDefault(name, 403);
    }

    /** An OID for a database name: PostgreSQL's for postgres and the templates, a stable one for others. */
    static int database(String name) {
        return switch (name) {
            case "postgres" -> DB_POSTGRES;
            case "template1" -> DB_TEMPLATE1;
            case "template0" -> DB_TEMPLATE0;
            default -> 16000 + Math.floorMod(name.hashCode(), 300);
        };
    }

    /** pg_attrdef row OID for a column default: derived from the table and column so it is stable. */
    static int attrdef(int relOid, int attnum) {
        return 0x40000000 | ((relOid & 0xfffff) << 10) | (attnum & 0x3ff);
    }
}
