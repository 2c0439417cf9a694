package io.epochdb.planner.engine;

import io.epochdb.common.types.SqlType;
import io.epochdb.exec.operator.FirstPerGroupOperator;
import io.epochdb.exec.operator.SortKey;
import io.epochdb.exec.operator.TableScanOperator;
import io.epochdb.planner.schema.EpochTable;
import io.epochdb.planner.translate.RelTranslator;
import io.epochdb.storage.catalog.ColumnDef;
import io.epochdb.storage.table.ColumnStats;
import java.util.List;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Filter;
import org.apache.calcite.rel.core.Project;
import org.apache.calcite.rel.core.Sort;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;

/**
 * "Last point per series": {@code SELECT DISTINCT ON (tag) ... FROM t ORDER BY tag, time DESC}. When the one
 * DISTINCT ON key is a text column of the table and the first other sort key is a NOT NULL time (or integer)
 * column, descending, the scan reads parts newest first and skips every part whose tag values (from the part's
 * dictionary) all have a winner already newer than the part's newest row: with series that keep reporting, only
 * the newest segment or two are read.
 */
final class LatestPerSeries {
    private LatestPerSeries() {
    }

    static void apply(RelNode rel, RelTranslator translator, FirstPerGroupOperator first, int[] keys,
                      List<SortKey> order) {
        if (keys.length != 1 || !(rel instanceof Sort sort) || !(sort.getInput() instanceof Project project)) {
            return;
        }
        List<RexNode> projects = project.getProjects();
        RelNode below = project.getInput();
        while (below instanceof Filter f) {
            below = f.getInput();
        }
        if (!(below instanceof TableScan scan) || !(projects.get(keys[0]) instanceof RexInputRef keyRef)) {
            return;
        }
        EpochTable et = scan.getTable().unwrap(EpochTable.class);
        TableScanOperator scanOp = translator.scanOperator(scan);
        int dataColumns = et == null ? 0 : et.def().columns().size();
        if (scanOp == null || keyRef.getIndex() >= dataColumns) {
            return;
        }
        SqlType keyType = et.def().columns().get(keyRef.getIndex()).type().type();
        if (keyType != SqlType.TEXT && keyType != SqlType.VARCHAR) {
            return;
        }
        // the first sort key that is not the DISTINCT ON key itself
        for (SortKey k : order) {
            if (!(projects.get(k.column()) instanceof RexInputRef ref) || ref.getIndex() >= dataColumns) {
                return;
            }
            if (ref.getIndex() == keyRef.getIndex()) {
                continue;
            }
            ColumnDef col = et.def().columns().get(ref.getIndex());
            boolean longValued = switch (col.type().type()) {
                case INT2, INT4, INT8, DATE, TIMESTAMP, TIMESTAMPTZ -> true;
                default -> false;
            };
            if (!k.descending() || !longValued || !col.notNull()) {
                return;
            }
            int tableTime = ref.getIndex();
            int tableKey = keyRef.getIndex();
            int inputTime = k.column();
            scanOp.readInOrderOf(tableTime, true);
            scanOp.skipPartsWhen(part -> {
                ColumnStats stats = scanOp.snapshot().columnStats(part, tableTime);
                return stats != null && stats.nonNullCount() > 0
                    && first.cannotImprove(scanOp.snapshot().distinctTexts(part, tableKey), inputTime, stats.max());
            });
            return;
        }
    }
}
