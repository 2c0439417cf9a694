package io.epochdb.storage.txn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SnapshotTest {
    private final TransactionManager txns = new TransactionManager();

    @Test
    void visibilityRules() {
        Transaction done = txns.begin();
        txns.commit(done);
        Transaction running = txns.begin();
        Transaction me = txns.begin();
        Transaction later = txns.begin();
        txns.commit(later);
        Snapshot s = me.snapshot();

        assertTrue(s.isVisible(done.id(), Snapshot.LIVE), "committed before");
        assertTrue(s.isVisible(me.id(), Snapshot.LIVE), "own write");
        assertFalse(s.isVisible(running.id(), Snapshot.LIVE), "in progress at snapshot time");
        assertFalse(s.isVisible(later.id(), Snapshot.LIVE), "committed after the snapshot");
        assertFalse(s.isVisible(Snapshot.ABORTED, Snapshot.LIVE), "rolled back");
        assertFalse(s.isVisible(done.id(), me.id()), "deleted by me");
        assertFalse(s.isVisible(done.id(), done.id()), "deleted by a committed transaction");
        assertTrue(s.isVisible(done.id(), running.id()), "deleter still running");
        assertTrue(s.isVisible(done.id(), later.id()), "deleter committed after the snapshot");

        me.beginStatement();
        assertTrue(me.snapshot().isVisible(later.id(), Snapshot.LIVE), "a new statement sees the later commit");
        assertFalse(me.snapshot().isVisible(running.id(), Snapshot.LIVE));
        txns.commit(me);
        txns.rollback(running);
    }

    @Test
    void commitLogAndUndo() {
        Transaction a = txns.begin();
        int[] undone = {0};
        a.addUndo(() -> undone[0]++);
        assertEquals(TransactionManager.Status.IN_PROGRESS, txns.status(a.id()));
        txns.rollback(a);
        txns.rollback(a);
        assertEquals(1, undone[0], "undo runs once");
        assertEquals(TransactionManager.Status.ABORTED, txns.status(a.id()));
        Transaction b = txns.begin();
        b.addUndo(() -> undone[0]++);
        txns.commit(b);
        assertEquals(1, undone[0], "commit discards undo");
        assertEquals(TransactionManager.Status.COMMITTED, txns.status(b.id()));
        assertFalse(b.isActive());
        assertEquals(0, txns.inProgressCount());
    }
}
