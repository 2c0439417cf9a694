-- GROUP BY a time bucket ORDER BY it DESC LIMIT n reads the newest parts first and stops once the n newest groups
-- are complete: results must equal a full aggregation, with late and early rows spread over blocks
CREATE TABLE ng (time timestamptz NOT NULL, host text, v int);
INSERT INTO ng VALUES ('2030-01-01 12:34:56+00', 'future', 1), ('2030-01-01 12:35:10+00', 'future', 2);
INSERT INTO ng SELECT '2024-01-01'::timestamptz + ((g * 7919) % 150000) * interval '5 seconds', 'h' || (g % 5), g % 1000 FROM generate_series(0, 149999) g;
INSERT INTO ng SELECT '2024-01-09 16:00:00+00'::timestamptz - g * interval '1 second', 'late', g FROM generate_series(0, 99) g;
SELECT date_trunc('minute', time) AS b, count(*), sum(v), max(v) FROM ng GROUP BY b ORDER BY b DESC LIMIT 5;
SELECT date_trunc('minute', time) AS b, count(*), sum(v) FROM ng WHERE time < '2029-01-01' GROUP BY b ORDER BY b DESC LIMIT 5;
SELECT date_trunc('hour', time) AS b, host, count(*), min(v) FROM ng WHERE time < '2029-01-01' GROUP BY b, host ORDER BY b DESC, host LIMIT 8;
SELECT date_bin('7 minutes', time, '2024-01-01 00:02:00+00') AS b, count(*), max(v) FROM ng WHERE host IN ('h1', 'late') GROUP BY b ORDER BY b DESC LIMIT 4 OFFSET 3;
SELECT time AS b, count(*) FROM ng WHERE time < '2029-01-01' GROUP BY b ORDER BY b DESC LIMIT 3;
SELECT date_trunc('day', time) AS b, count(*) FROM ng GROUP BY b ORDER BY b DESC LIMIT 2;
SELECT date_trunc('minute', time) AS b, count(*) FROM ng WHERE time < '2024-01-01 00:03:00' GROUP BY b ORDER BY b DESC LIMIT 10;
SELECT date_trunc('minute', time) AS b, count(*) FROM ng WHERE time > '2031-01-01' GROUP BY b ORDER BY b DESC LIMIT 3;
SELECT date_trunc('second', time) AS b, count(*) FROM ng GROUP BY b HAVING count(*) > 1 ORDER BY b DESC LIMIT 3;
CREATE TABLE ngn (time timestamp, v int);
INSERT INTO ngn SELECT CASE WHEN g % 700 = 0 THEN NULL ELSE '2024-01-01'::timestamp + g * interval '1 minute' END, g FROM generate_series(0, 99999) g;
SELECT date_trunc('hour', time) AS b, count(*), sum(v) FROM ngn GROUP BY b ORDER BY b DESC NULLS LAST LIMIT 3;
SELECT date_trunc('hour', time) AS b, count(*), sum(v) FROM ngn GROUP BY b ORDER BY b DESC LIMIT 3;
-- date_bin with an origin written as a plain string literal (read as the source's type)
SELECT date_bin('7 minutes', '2024-01-09 15:58:00+00'::timestamptz, '2024-01-01 00:02:00+00'), date_bin('7 minutes', '2024-01-09 15:58:00'::timestamp, '2024-01-01 00:02:00');
