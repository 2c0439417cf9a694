-- Statements where EpochDB differs from PostgreSQL 15 (known bugs), with the statements that set up their state.
-- Skipped unless -Dslt.all=true; when one is fixed, move it back to errors.sql and record again.
-- Error messages and SQLSTATEs; the session keeps working after each
CREATE TABLE t (id int PRIMARY KEY, name text NOT NULL, n numeric(5, 2));
INSERT INTO t VALUES (1, 'one', 1.5);
SELEC 1;
SELECT no_such_function(1);
INSERT INTO t VALUES (1, 'again', 2);
INSERT INTO t VALUES (2, NULL, 2);
INSERT INTO t (id) VALUES (3);
INSERT INTO t VALUES (4, 'four', 12345.67);
INSERT INTO t VALUES ('x', 'four', 1);
INSERT INTO t VALUES (5, 'five', 1, 'extra');
INSERT INTO t (id, nope) VALUES (6, 'x');
UPDATE t SET nope = 1;
UPDATE t SET id = NULL;
CREATE TABLE t (x int);
DROP TABLE missing_table;
SELECT 1 + 'a';
SELECT 1 + true;
SELECT id FROM t WHERE name;
SELECT '{bad json'::jsonb;
SELECT '\xZZ'::bytea;
SELECT id, count(*) FROM t;
SELECT * FROM t ORDER BY 5;
SELECT * FROM t;
