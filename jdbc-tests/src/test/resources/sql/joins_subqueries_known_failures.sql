-- Statements where EpochDB differs from PostgreSQL 15 (known bugs), with the statements that set up their state.
-- Skipped unless -Dslt.all=true; when one is fixed, move it back to joins_subqueries.sql and record again.
-- Joins, subqueries, CTEs and set operations
CREATE TABLE devices (id int PRIMARY KEY, name text, site_id int);
CREATE TABLE sites (id int PRIMARY KEY, city text);
CREATE TABLE events (device_id int, kind text, n int);
INSERT INTO sites VALUES (1, 'Berlin'), (2, 'Paris'), (3, 'Oslo');
INSERT INTO devices VALUES (10, 'alpha', 1), (11, 'beta', 1), (12, 'gamma', 2), (13, 'delta', NULL);
INSERT INTO events VALUES (10, 'boot', 1), (10, 'error', 3), (11, 'boot', 1), (12, 'error', 5), (99, 'boot', 1);
SELECT d.name FROM devices d WHERE d.id > ALL (SELECT device_id FROM events WHERE kind = 'boot' AND device_id < 50) ORDER BY 1;
SELECT d.name FROM devices d WHERE d.id = ANY (SELECT device_id FROM events WHERE n >= 3) ORDER BY 1;
WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r WHERE n < 5) SELECT sum(n), max(n) FROM r;
