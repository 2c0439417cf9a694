package io.epochdb.storage.catalog;

import io.epochdb.common.EpochException;
import io.epochdb.common.ErrorCode;

/** The catalog's errors, worded as PostgreSQL 15 words them. */
final class CatalogErrors {
    private CatalogErrors() {
    }

    static EpochException schemaExists(String name) {
        return EpochException.of(ErrorCode.DUPLICATE_SCHEMA, "schema \"%s\" already exists", name);
    }

    static EpochException noSchema(String name) {
        return EpochException.of(ErrorCode.UNDEFINED_SCHEMA, "schema \"%s\" does not exist", name);
    }

    static EpochException relationExists(String name) {
        return EpochException.of(ErrorCode.DUPLICATE_TABLE, "relation \"%s\" already exists", name);
    }

    static EpochException noRelation(String name) {
        return EpochException.of(ErrorCode.UNDEFINED_TABLE, "relation \"%s\" does not exist", name);
    }

    static EpochException noRelationOid(int oid) {
        return EpochException.of(ErrorCode.UNDEFINED_TABLE, "relation with OID %d does not exist", oid);
    }

    static EpochException notATable(String name) {
        return EpochException.of(ErrorCode.WRONG_OBJECT_TYPE, "\"%s\" is not a table", name);
    }

    static EpochException duplicateColumn(String name) {
        return EpochException.of(ErrorCode.DUPLICATE_COLUMN, "column \"%s\" specified more than once", name);
    }

    static EpochException columnExists(String column, String table) {
        return EpochException.of(ErrorCode.DUPLICATE_COLUMN, "column \"%s\" of relation \"%s\" already exists", column, table);
    }

    static EpochException noColumnOf(String column, String table) {
        return EpochException.of(ErrorCode.UNDEFINED_COLUMN, "column \"%s\" of relation \"%s\" does not exist", column, table);
    }

    static EpochException noColumn(String column) {
        return EpochException.of(ErrorCode.UNDEFINED_COLUMN, "column \"%s\" does not exist", column);
    }

    static EpochException roleExists(String name) {
        return EpochException.of(ErrorCode.DUPLICATE_OBJECT, "role \"%s\" already exists", name);
    }

    static EpochException noRole(String name) {
        return EpochException.of(ErrorCode.UNDEFINED_OBJECT, "role \"%s\" does not exist", name);
    }
}
