-- Infinite timestamps and dates are not stored yet (0A000); PostgreSQL keeps them and range predicates see them
CREATE TABLE m (time timestamptz, ts timestamp, d date, host text);
INSERT INTO m SELECT '2024-01-01'::timestamptz + g * interval '1 hour', '2024-01-01'::timestamp + g * interval '1 hour', '2024-01-01'::date + g, 'h' || (g % 3) FROM generate_series(0, 99) g;
INSERT INTO m VALUES ('infinity', 'infinity', 'infinity', 'h1'), ('-infinity', '-infinity', '-infinity', 'h1');
SELECT count(*) FROM m WHERE time < 'infinity';
SELECT count(*) FROM m WHERE time > '-infinity';
SELECT count(*) FROM m WHERE time >= 'infinity';
SELECT count(*) FROM m WHERE time <= '-infinity';
SELECT count(*) FROM m WHERE ts < 'infinity' AND host = 'h1';
SELECT count(*) FROM m WHERE d >= 'infinity';
-- bpchar keeps trailing spaces when cast to text here; PostgreSQL drops them (and compares varchar with bpchar as bpchar)
CREATE TABLE tags (host text, vc varchar(10));
INSERT INTO tags VALUES ('h3'), ('h3  '), ('v3', 'v3'), ('v3  ', 'v3  ');
SELECT count(*) FROM tags WHERE host = 'h3  '::char(4);
SELECT count(*) FROM tags WHERE vc = 'v3  '::char(4);
SELECT 'a  '::char(4)::text = 'a';
