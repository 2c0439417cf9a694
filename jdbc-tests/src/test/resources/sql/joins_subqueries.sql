-- Joins, subqueries, CTEs and set operations
CREATE TABLE devices (id int PRIMARY KEY, name text, site_id int);
CREATE TABLE sites (id int PRIMARY KEY, city text);
CREATE TABLE events (device_id int, kind text, n int);
INSERT INTO sites VALUES (1, 'Berlin'), (2, 'Paris'), (3, 'Oslo');
INSERT INTO devices VALUES (10, 'alpha', 1), (11, 'beta', 1), (12, 'gamma', 2), (13, 'delta', NULL);
INSERT INTO events VALUES (10, 'boot', 1), (10, 'error', 3), (11, 'boot', 1), (12, 'error', 5), (99, 'boot', 1);
SELECT d.name, s.city FROM devices d JOIN sites s ON s.id = d.site_id ORDER BY d.name;
SELECT d.name, s.city FROM devices d LEFT JOIN sites s ON s.id = d.site_id ORDER BY d.name;
SELECT d.name, s.city FROM devices d RIGHT JOIN sites s ON s.id = d.site_id ORDER BY s.city, d.name;
SELECT d.name, s.city FROM devices d FULL JOIN sites s ON s.id = d.site_id ORDER BY d.name NULLS LAST, s.city;
SELECT count(*) FROM devices CROSS JOIN sites;
SELECT d.name, e.kind, e.n FROM devices d JOIN events e ON e.device_id = d.id AND e.n > 1 ORDER BY d.name, e.kind;
SELECT s.city, count(e.kind) AS events, coalesce(sum(e.n), 0) AS total
  FROM sites s LEFT JOIN devices d ON d.site_id = s.id LEFT JOIN events e ON e.device_id = d.id
  GROUP BY s.city ORDER BY s.city;
SELECT name FROM devices WHERE id IN (SELECT device_id FROM events WHERE kind = 'error') ORDER BY name;
SELECT name FROM devices WHERE id NOT IN (SELECT device_id FROM events) ORDER BY name;
SELECT name FROM devices d WHERE EXISTS (SELECT 1 FROM events e WHERE e.device_id = d.id) ORDER BY name;
SELECT name FROM devices d WHERE NOT EXISTS (SELECT 1 FROM events e WHERE e.device_id = d.id) ORDER BY name;
SELECT name, (SELECT count(*) FROM events e WHERE e.device_id = d.id) AS n FROM devices d ORDER BY name;
SELECT name FROM devices WHERE site_id = (SELECT id FROM sites WHERE city = 'Paris');
SELECT kind, total FROM (SELECT kind, sum(n) AS total FROM events GROUP BY kind) t WHERE total > 2 ORDER BY kind;
WITH totals AS (SELECT device_id, sum(n) AS total FROM events GROUP BY device_id)
  SELECT d.name, t.total FROM totals t JOIN devices d ON d.id = t.device_id ORDER BY t.total DESC, d.name;
WITH a AS (SELECT 1 AS x), b AS (SELECT x + 1 AS y FROM a) SELECT x, y FROM a, b;
SELECT city FROM sites UNION SELECT name FROM devices ORDER BY 1;
SELECT site_id FROM devices UNION ALL SELECT id FROM sites ORDER BY 1 NULLS FIRST;
SELECT id FROM sites INTERSECT SELECT site_id FROM devices ORDER BY 1;
SELECT id FROM sites EXCEPT SELECT site_id FROM devices ORDER BY 1;
SELECT device_id FROM events EXCEPT ALL SELECT id FROM devices ORDER BY 1;
SELECT kind FROM events UNION SELECT kind FROM events ORDER BY kind LIMIT 1;
SELECT a.name AS a, b.name AS b FROM devices a JOIN devices b ON a.site_id = b.site_id AND a.id < b.id ORDER BY a, b;
SELECT d.name, s.city FROM devices d, sites s WHERE d.site_id = s.id AND s.city <> 'Paris' ORDER BY 1;
SELECT * FROM devices JOIN sites USING (id);
SELECT name FROM devices ORDER BY name LIMIT 2 OFFSET 1;
SELECT name FROM devices ORDER BY name DESC FETCH FIRST 2 ROWS ONLY;
SELECT name FROM devices WHERE site_id = (SELECT id FROM sites);
SELECT nope FROM devices d JOIN sites s ON s.id = d.site_id;
SELECT id FROM devices JOIN sites ON sites.id = devices.site_id;
